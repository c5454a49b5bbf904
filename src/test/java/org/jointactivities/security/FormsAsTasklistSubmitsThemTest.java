package org.jointactivities.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Reports;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every task form completed over HTTP the way Tasklist completes it: Camunda Forms sends back the
 * value of every field, read-only ones included. The values the application keeps must survive
 * that echo (they stay on the task) while a changed one is still refused.
 */
@JointActivitiesTest
class FormsAsTasklistSubmitsThemTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void reviewSignOffAmendmentAndReportFormsGoThroughAsTasklistSendsThem() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    ProcessInstance activity = scenario.submitValid();
    submit("unodc-reviewer", task(activity, "Task_ReviewProposal", "UNODC"), "ProposalReviewForm",
        Map.of("reviewDecision", "APPROVE"));
    submit("iom-reviewer", task(activity, "Task_ReviewProposal", "IOM"), "ProposalReviewForm",
        Map.of("reviewDecision", "APPROVE"));
    submit("unodc-signatory-pm", task(activity, "Task_SignActivity", "UNODC"), "ActivitySignOffForm",
        Map.of("signDecision", "SIGN", "signatureAttested", true));
    submit("iom-signatory-pm", task(activity, "Task_SignActivity", "IOM"), "ActivitySignOffForm",
        Map.of("signDecision", "SIGN", "signatureAttested", true));
    assertThat(scenario.activity(activity).getState()).isEqualTo(ActivityState.SIGNED);

    scenario.requestAmendment("iom-officer", Map.of("activityReference", activity.getBusinessKey(),
        "newEndDate", "2028-03-31", "justification", "More time."));
    submit("unodc-reviewer", task(activity, "Task_ReviewAmendment", "UNODC"), "AmendmentReviewForm",
        Map.of("reviewDecision", "APPROVE"));
    submit("iom-reviewer", task(activity, "Task_ReviewAmendment", "IOM"), "AmendmentReviewForm",
        Map.of("reviewDecision", "APPROVE"));
    submit("unodc-signatory-pm", task(activity, "Task_SignActivity", "UNODC"), "ActivitySignOffForm",
        Map.of("signDecision", "SIGN", "signatureAttested", true));
    submit("iom-signatory-pm", task(activity, "Task_SignActivity", "IOM"), "ActivitySignOffForm",
        Map.of("signDecision", "SIGN", "signatureAttested", true));
    assertThat(scenario.activity(activity).getPlannedEndDate()).hasToString("2028-03-31");

    scenario.at("2027-04-01T00:00:00Z");
    Map<String, Object> report = new LinkedHashMap<>(Reports.valid(1));
    submit("unodc-officer", task(activity, "Task_SubmitProgressReport", null), "ProgressReportForm", report);
    submit("unodc-reviewer", task(activity, "Task_ReviewProgressReport", "UNODC"), "ProgressReportReviewForm",
        Map.of("reviewDecision", "ACCEPT"));
    submit("iom-reviewer", task(activity, "Task_ReviewProgressReport", "IOM"), "ProgressReportReviewForm",
        Map.of("reviewDecision", "ACCEPT"));
    assertThat(scenario.auditActions(activity)).contains(AuditAction.REPORT_LOCKED);
  }

  @Test
  void aChangedValueInTheEchoIsStillRefused() throws IOException {
    ProcessInstance proposal = scenario.submitValid();
    Task review = task(proposal, "Task_ReviewProposal", "IOM");
    Map<String, Object> tampered = Map.of("reviewDecision", "APPROVE", "proposer", "iom-reviewer");
    ResponseEntity<JsonNode> refused = post("iom-reviewer", review, "ProposalReviewForm", tampered);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).startsWith("Variable 'proposer' is not a field of the form of 'Review proposal'");
  }

  private Task task(ProcessInstance activity, String key, String agency) {
    scenario.runJobs();
    return scenario.task(activity, key, agency);
  }

  private void submit(String user, Task task, String form, Map<String, Object> entered) throws IOException {
    ResponseEntity<JsonNode> response = post(user, task, form, entered);
    assertThat(response.getStatusCode().value()).as("%s on %s: %s", user, task.getName(), response.getBody()).isEqualTo(204);
    scenario.runJobs();
  }

  /** The form's fields as Tasklist shows them (form variables), with what the user entered, posted back. */
  private ResponseEntity<JsonNode> post(String user, Task task, String form, Map<String, Object> entered) throws IOException {
    JsonNode shown = http.withBasicAuth(user, "demo").getForObject("/engine-rest/task/" + task.getId() + "/form-variables",
        JsonNode.class);
    Map<String, Object> variables = new LinkedHashMap<>();
    // the form as deployed, with the fields it shares with other forms filled in
    JsonNode deployed = JSON.readTree(http.withBasicAuth(user, "demo").getForObject("/engine-rest/task/" + task.getId()
        + "/deployed-form", String.class));
    assertThat(deployed.path("id").asText()).isEqualTo(form);
    for (JsonNode component : deployed.findParents("key")) {
      String key = component.path("key").asText(null);
      if (key != null && shown.has(key)) {
        JsonNode variable = shown.get(key);
        variables.put(key, variable.path("type").asText().equals("Json")
            ? Map.of("value", variable.path("value").asText(), "type", "Json")
            : Collections.singletonMap("value", JSON.convertValue(variable.path("value"), Object.class)));
      }
    }
    entered.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
        new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);
  }
}
