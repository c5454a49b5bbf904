package org.jointactivities.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointactivities.support.BeforeTheActivityStarts;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * From submission to signature over the REST API, as Tasklist calls it, as the demo users with
 * their demo passwords; then the registry record and audit trail as a manager reads them.
 */
@JointActivitiesTest
@ExtendWith(BeforeTheActivityStarts.class)
class ProposalOverRestTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @Test
  void aProposalGoesFromSubmissionToSignedAsTheDemoUsers() {
    ResponseEntity<JsonNode> started = as("unodc-officer").postForEntity(
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", proposal()), JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String reference = started.getBody().get("businessKey").asText();
    assertThat(reference).matches("JA-\\d{4}-\\d{4}");

    // each reviewer sees only their own agency's review, with the proposal to read
    JsonNode iomTasks = as("iom-reviewer").getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class);
    assertThat(iomTasks).hasSize(1);
    String iomReview = iomTasks.get(0).get("id").asText();
    JsonNode shown = as("iom-reviewer").getForObject("/engine-rest/task/" + iomReview + "/form-variables", JsonNode.class);
    assertThat(shown.at("/title/value").asText()).isEqualTo("Coordinated response to migrant smuggling");
    assertThat(shown.at("/reviewAgency/value").asText()).isEqualTo("IOM");
    assertThat(shown.at("/countries/type").asText()).isEqualTo("Json");

    completeOnlyTask("iom-reviewer", reference, Map.of("reviewDecision", value("APPROVE")));
    completeOnlyTask("unodc-reviewer", reference, Map.of("reviewDecision", value("APPROVE")));
    scenario.runJobs();
    completeOnlyTask("unodc-signatory-director", reference, Map.of("signDecision", value("SIGN"), "signatureAttested", value(true)));
    completeOnlyTask("iom-signatory-director", reference, Map.of("signDecision", value("SIGN"), "signatureAttested", value(true)));
    scenario.runJobs();

    JsonNode record = as("unodc-manager").getForObject("/api/activities/" + reference, JsonNode.class);
    assertThat(record.at("/activity/state").asText()).isEqualTo("SIGNED");
    assertThat(record.at("/activity/totalBudget").decimalValue()).isEqualByComparingTo("250000");
    List<String> trail = record.get("auditTrail").findValuesAsText("action");
    assertThat(trail).containsExactly("SUBMITTED", "REVIEW_ROUND_OPENED", "APPROVED", "APPROVED", "SIGNATURE_REQUESTED",
        "SIGNED", "SIGNED", "ACTIVITY_SIGNED");
    assertThat(record.get("auditTrail").findValuesAsText("actor")).containsSubsequence(
        "unodc-officer", "iom-reviewer", "unodc-reviewer", "unodc-signatory-director", "iom-signatory-director");
  }

  @Test
  void aBadProposalOverRestIsRefusedWithItsFieldAndRule() {
    Map<String, Object> bad = proposal();
    bad.put("currency", value("XYZ"));
    ResponseEntity<JsonNode> refused = as("unodc-officer").postForEntity(
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", bad), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText())
        .isEqualTo("Proposal refused: Currency: 'XYZ' is not an ISO 4217 currency code");
  }

  @Test
  void aRefusedReviewOverRestSaysJustTheRule() {
    ResponseEntity<JsonNode> started = as("unodc-officer").postForEntity(
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", proposal()), JsonNode.class);
    String reference = started.getBody().get("businessKey").asText();
    String task = as("iom-reviewer").getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class)
        .get(0).get("id").asText();

    ResponseEntity<JsonNode> refused = as("iom-reviewer").postForEntity("/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", Map.of("reviewDecision", value("REQUEST_CHANGES"))), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText())
        .isEqualTo("Review refused: Comment: is required when requesting changes: say what to change");
    assertThat(refused.getBody().get("problems").get(0).get("field").asText()).isEqualTo("reviewComment");
    assertThat(refused.getBody().get("problems").get(0).get("label").asText()).isEqualTo("Comment");
    assertThat(as("iom-reviewer").getForObject("/engine-rest/task/" + task, JsonNode.class).get("id").asText()).isEqualTo(task);
  }

  @Test
  void aSignatureWithoutTheAttestationIsRefusedAndTheTaskStaysOpen() {
    ResponseEntity<JsonNode> started = as("unodc-officer").postForEntity(
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", proposal()), JsonNode.class);
    String reference = started.getBody().get("businessKey").asText();
    completeOnlyTask("iom-reviewer", reference, Map.of("reviewDecision", value("APPROVE")));
    completeOnlyTask("unodc-reviewer", reference, Map.of("reviewDecision", value("APPROVE")));
    scenario.runJobs();
    String task = as("unodc-signatory-director").getForObject(
        "/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class).get(0).get("id").asText();

    ResponseEntity<JsonNode> refused = as("unodc-signatory-director").postForEntity("/engine-rest/task/" + task
        + "/submit-form", Map.of("variables", Map.of("signDecision", value("SIGN"))), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).isEqualTo("Sign-off refused: I attest the statement above: "
        + "must be confirmed to sign: tick the statement of what you sign, for which agency and at which level");
    assertThat(as("unodc-signatory-director").getForObject("/engine-rest/task/" + task, JsonNode.class).get("id").asText())
        .isEqualTo(task);
  }

  @Test
  void theStartFormOffersTheConfiguredAgencies() {
    String form = as("unodc-officer").getForObject(
        "/engine-rest/process-definition/key/JointActivityProposal/deployed-start-form", String.class);
    assertThat(form).contains("\"value\" : \"UNODC\"", "\"value\" : \"IOM\"", "\"value\" : \"ZA\"", "\"value\" : \"EUR\"");
  }

  @Test
  void nothingButLoginAndHealthIsOpenWithoutCredentials() {
    assertThat(http.getForEntity("/engine-rest/user", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/activities/JA-2026-0001", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // a user no other test logs in as: Camunda holds back a user's logins for a while after a failed one
    assertThat(http.withBasicAuth("iom-officer2", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/camunda/app/tasklist/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private void completeOnlyTask(String user, String reference, Map<String, Object> variables) {
    JsonNode tasks = as(user).getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class);
    assertThat(tasks).as("tasks %s sees", user).hasSize(1);
    ResponseEntity<String> done = as(user).postForEntity(
        "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form", Map.of("variables", variables), String.class);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }

  /** The variables the start form sends: 250 000 EUR-free USD, medium risk, director level. */
  private static Map<String, Object> proposal() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("title", value("Coordinated response to migrant smuggling"));
    v.put("summary", value("Joint investigations training"));
    v.put("objectives", value("Prosecutions of smuggling networks"));
    v.put("thematicAreas", json("[\"SMUGGLING_OF_MIGRANTS\"]"));
    v.put("markers", json("[\"CORRUPTION_RISK\"]"));
    v.put("countries", json("[\"CO\",\"PA\"]"));
    v.put("region", value("Latin America and the Caribbean"));
    v.put("leadAgency", value("UNODC"));
    v.put("partnerAgency", value("IOM"));
    v.put("leadFocalPoint", value("unodc-reviewer"));
    v.put("partnerFocalPoint", value("iom-reviewer"));
    v.put("plannedStartDate", value("2027-03-01"));
    v.put("plannedEndDate", value("2029-02-28"));
    v.put("totalBudget", value(250000));
    v.put("currency", value("USD"));
    v.put("leadContribution", value(150000));
    v.put("partnerContribution", value(100000));
    v.put("deliverables", value("Joint investigation manual"));
    v.put("indicators", value("Investigators trained | 0 | 80"));
    v.put("reportingFrequency", value("SEMI_ANNUAL"));
    v.put("corruptionRisk", value("MEDIUM"));
    v.put("riskMitigation", value("Vetting of counterparts"));
    return v;
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  private static Map<String, Object> json(String array) {
    return Map.of("value", array, "type", "Json");
  }
}
