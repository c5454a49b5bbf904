package org.jointactivities.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A review or signature form shows the activity without the activity being copied onto the task:
 * its form variables carry it when read, for whoever the engine lets read the task, and only them.
 */
@JointActivitiesTest
class FormValuesOnReadTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired TaskService tasks;

  @Test
  void aReviewFormReadsTheActivityThatNoTaskVariableHolds() {
    ProcessInstance proposal = scenario.submitValid();
    Task iom = scenario.task(proposal, "Task_ReviewProposal", "IOM");

    JsonNode shown = formVariables("iom-reviewer", iom.getId(), "");
    assertThat(shown.at("/title/value").asText()).isEqualTo(Proposals.valid().get("title"));
    assertThat(shown.at("/countries/type").asText()).as("a multi-select as Tasklist reads it").isEqualTo("Json");
    assertThat(shown.at("/reviewAgency/value").asText()).as("the engine's own variables stay").isEqualTo("IOM");
    assertThat(tasks.getVariablesLocal(iom.getId())).doesNotContainKeys("summary", "objectives", "countries");
  }

  @Test
  void variableNamesLimitWhatIsAddedAsTheyLimitTheEngine() {
    Task iom = scenario.task(scenario.submitValid(), "Task_ReviewProposal", "IOM");
    JsonNode shown = formVariables("iom-reviewer", iom.getId(), "?variableNames=title,reviewAgency");
    assertThat(shown.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder("title", "reviewAgency");
  }

  @Test
  void theOtherAgencysDecisionIsShownOnceTakenWithoutBeingWrittenToTheOpenTask() {
    ProcessInstance proposal = scenario.submitValid();
    Task unodc = scenario.task(proposal, "Task_ReviewProposal", "UNODC");
    assertThat(formVariables("unodc-reviewer", unodc.getId(), "").has("otherDecisions")).isFalse();

    scenario.review(proposal, "iom-reviewer", "IOM", "REQUEST_CHANGES", "Please add a gender marker.");

    assertThat(formVariables("unodc-reviewer", unodc.getId(), "").at("/otherDecisions/value").asText())
        .isEqualTo("IOM, IOM Reviewer — request changes: Please add a gender marker.");
    assertThat(tasks.getVariablesLocal(unodc.getId())).doesNotContainKey("otherDecisions");
  }

  @Test
  void aLaterRoundShowsWhatChangedAndStillGivesListsAsTheJsonTextTasklistParses() throws Exception {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "iom-reviewer", "IOM", "REQUEST_CHANGES", "Please train more officials.");
    scenario.review(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);
    Map<String, Object> revised = Proposals.with("indicators", "Officials trained | 0 | 120");
    revised.put("revisionDecision", "RESUBMIT");
    scenario.complete("unodc-officer", scenario.task(proposal, "Task_ReviseProposal", null), revised);

    JsonNode shown = formVariables("iom-reviewer", scenario.task(proposal, "Task_ReviewProposal", "IOM").getId(), "");
    assertThat(shown.at("/changesSinceLastRound/value").asText()).contains("120");
    assertThat(shown.at("/reviewHistory/value").asText()).contains("Please train more officials.");
    assertThat(shown.at("/countries/value").isTextual()).as("a list as JSON text: %s", shown.get("countries")).isTrue();
    assertThat(new ObjectMapper().readValue(shown.at("/countries/value").asText(), List.class)).containsExactlyInAnyOrder("ZA", "MZ");
  }

  @Test
  void whoMayNotReadTheTaskGetsTheEnginesRefusalAndNothingOfTheActivity() {
    Task iom = scenario.task(scenario.submitValid(), "Task_ReviewProposal", "IOM");
    ResponseEntity<String> refused = http.withBasicAuth("unodc-officer", "demo")
        .getForEntity("/engine-rest/task/" + iom.getId() + "/form-variables", String.class);
    assertThat(refused.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(refused.getBody()).doesNotContain(Proposals.valid().get("title").toString());
    assertThat(http.getForEntity("/engine-rest/task/" + iom.getId() + "/form-variables", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private JsonNode formVariables(String user, String taskId, String query) {
    ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo")
        .getForEntity("/engine-rest/task/" + taskId + "/form-variables" + query, JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }
}
