package org.jointactivities.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The engine's history of an activity is removed ten years after its processes ended, by the
 * history cleanup in its night window; what is still running keeps its history, and the audit trail
 * (the record of decisions, in our own tables) stays. A database of its own: the clock moves ten
 * years and the cleanup removes whatever has ended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-history-cleanup-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=historycleanuptest",
    "camunda.bpm.job-execution.enabled=false",
    "joint-activities.notifications.delivery.senders=0",
    "joint-activities.mail-sink.port=0",
    "joint-activities.notifications.reminder-scan-interval=P1D",
    "logging.level.root=WARN",
    "logging.level.org.camunda.bpm.engine.context=OFF"
})
@Import(Scenario.class)
class HistoryCleanupTest {

  static final Duration TEN_YEARS = Duration.ofDays(3650);

  @Autowired Scenario scenario;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anEndedActivitysEngineHistoryGoesAfterTenYearsItsAuditTrailStays() {
    List<Job> scheduled = history.findHistoryCleanupJobs();
    assertThat(scheduled).as("the cleanup is scheduled by configuration").isNotEmpty();
    assertThat(scheduled).allSatisfy(job -> assertThat(job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour())
        .as("due in the night window").isBetween(1, 4));

    Instant submitted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ProcessInstance rejected = scenario.submitValid();
    scenario.review(rejected, "iom-reviewer", "IOM", "REJECT", "Outside our mandate");
    scenario.runJobs();
    assertThat(scenario.activity(rejected).getState()).isEqualTo(ActivityState.REJECTED);
    Instant ended = Instant.now();
    List<HistoricProcessInstance> endedHistory = historyOf(rejected);
    assertThat(endedHistory).as("the proposal and its joint review").hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(instance -> assertThat(instance.getRemovalTime().toInstant())
            .as("ten years after it ended").isBetween(submitted.plus(TEN_YEARS), ended.plus(TEN_YEARS)));
    ProcessInstance inReview = scenario.submitValid();
    scenario.runJobs();

    ClockUtil.setCurrentTime(Date.from(ended.plus(TEN_YEARS).plus(Duration.ofDays(1))));
    management.executeJob(history.cleanUpHistoryAsync(true).getId());

    assertThat(historyOf(rejected)).as("the ended activity's engine history").isEmpty();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(rejected.getBusinessKey()).count())
        .isZero();
    assertThat(historyOf(inReview)).as("a running activity keeps its history").isNotEmpty();
    assertThat(scenario.auditActions(rejected)).as("the record of decisions")
        .contains(AuditAction.SUBMITTED, AuditAction.PROPOSAL_REJECTED);
    assertThat(scenario.activity(rejected).getState()).isEqualTo(ActivityState.REJECTED);
  }

  private List<HistoricProcessInstance> historyOf(ProcessInstance proposal) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(proposal.getBusinessKey()).list();
  }
}
