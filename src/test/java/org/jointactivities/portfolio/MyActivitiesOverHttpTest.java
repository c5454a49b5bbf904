package org.jointactivities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * "My activities" in Tasklist: the proposer finds their proposal, where it is, who holds it since
 * when and what they may do; the other party sees it too, without the proposer's withdrawal; an
 * agency that is no party does not.
 */
@JointActivitiesTest
class MyActivitiesOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @Test
  void theProposerSeesWhereTheirProposalIsAndWhoHoldsIt() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.claim("iom-reviewer", scenario.task(proposal, "Task_ReviewProposal", "IOM"));

    JsonNode mine = row(as("unodc-officer").getForObject("/api/my-activities?size=200", JsonNode.class),
        proposal.getBusinessKey());
    assertThat(mine.get("stateName").asText()).isEqualTo("In review");
    assertThat(mine.get("proposer").asText()).isEqualTo("UNODC Programme Officer");
    List<String> held = new ArrayList<>();
    mine.get("openSteps").forEach(step -> held.add(step.get("name").asText() + ": " + step.get("heldBy").asText()));
    assertThat(held).containsExactlyInAnyOrder("Review proposal: IOM Reviewer",
        "Review proposal: not yet claimed (UNODC reviewers (focal points))");
    assertThat(mine.get("openSteps").get(0).get("since").asText()).isNotEmpty();
    assertThat(mine.get("openSteps").get(0).get("due").asText()).isNotEmpty();
    assertThat(mine.get("actions").findValuesAsText("action")).containsExactly("withdraw", "record");

    JsonNode partner = row(as("iom-officer").getForObject("/api/my-activities?size=200", JsonNode.class),
        proposal.getBusinessKey());
    assertThat(partner.get("actions").findValuesAsText("action")).as("only the proposer withdraws").containsExactly("record");

    scenario.person("no-party");
    assertThat(as("no-party").getForObject("/api/my-activities", JsonNode.class).get("totalElements").asLong()).isZero();
    assertThat(as("unodc-officer").getForEntity("/api/my-activities?size=0", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private static JsonNode row(JsonNode page, String reference) {
    for (JsonNode row : page.get("content")) {
      if (row.get("reference").asText().equals(reference)) {
        return row;
      }
    }
    throw new AssertionError(reference + " is not among " + page.get("content").findValuesAsText("reference"));
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }
}
