package org.jointactivities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Overdue tasks in the portfolio figures: which activity, which task, who holds it, how late. */
@JointActivitiesTest
class OverdueFiguresTest {

  @Autowired Scenario scenario;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void overdueTasksNameTheirHolders() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    ProcessInstance proposal = scenario.submitValid();
    scenario.claim("iom-reviewer", scenario.task(proposal, "Task_ReviewProposal", "IOM"));
    // due at the end of Monday 30 November; two days later
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-02T23:59:59Z")));

    JsonNode figures = http.withBasicAuth("unodc-manager", "demo").getForObject("/api/portfolio", JsonNode.class);
    List<JsonNode> ours = new ArrayList<>();
    figures.get("overdueTasks").forEach(task -> {
      if (task.get("reference").asText().equals(proposal.getBusinessKey())) {
        ours.add(task);
      }
    });
    assertThat(ours).extracting(task -> task.get("holder").asText())
        .containsExactlyInAnyOrder("iom-reviewer", "unodc-reviewers");
    assertThat(ours).allSatisfy(task -> {
      assertThat(task.get("task").asText()).isEqualTo("Review proposal");
      assertThat(task.get("daysOverdue").asDouble()).isEqualTo(2.0);
    });
  }
}
