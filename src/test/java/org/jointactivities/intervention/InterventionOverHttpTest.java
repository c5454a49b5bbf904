package org.jointactivities.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Managers suspend, resume and terminate over our API, and members of both agencies read the
 * schedule, reports and amendments; everyone else is refused and nothing changes.
 */
@JointActivitiesTest
class InterventionOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  ProcessInstance activity;

  @BeforeEach
  void activeActivity() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    activity = scenario.signedActivity(Proposals.valid());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aManagerSuspendsResumesAndTerminates() {
    scenario.at("2027-04-02T00:00:00Z");
    ResponseEntity<JsonNode> suspended = post("unodc-manager", "suspension", "Security incident");
    assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(suspended.getBody().get("state").asText()).isEqualTo("SUSPENDED");
    // the officer's report waits: refused in words, not with the engine's "ENGINE-03043 … is suspended"
    Task report = scenario.task(activity, "Task_SubmitProgressReport", null);
    ResponseEntity<JsonNode> frozen = as("unodc-officer").postForEntity("/engine-rest/task/" + report.getId() + "/submit-form",
        Map.of("variables", Map.of("narrative", Map.of("value", "Done"))), JsonNode.class);
    assertThat(frozen.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(frozen.getBody().get("message").asText()).isEqualTo("A manager has suspended this activity: its tasks "
        + "can be worked on again once a manager resumes it");
    assertThat(post("iom-manager", "resumption", null).getBody().get("state").asText()).isEqualTo("ACTIVE");
    assertThat(post("iom-manager", "termination", "Consent withdrawn").getBody().get("state").asText())
        .isEqualTo("TERMINATED");
    assertThat(state()).isEqualTo(ActivityState.TERMINATED);
  }

  @Test
  void othersAndBadRequestsAreRefusedAndNothingChanges() {
    scenario.at("2027-01-01T00:00:00Z");
    assertThat(http.postForEntity(url("suspension"), json("{\"reason\":\"x\"}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<JsonNode> officer = post("unodc-officer", "suspension", "x");
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(officer.getBody().get("detail").asText())
        .isEqualTo("unodc-officer may not suspend " + activity.getBusinessKey() + ": only a manager of UNODC or IOM may");

    ResponseEntity<JsonNode> noReason = post("unodc-manager", "termination", "  ");
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("detail").asText()).isEqualTo("Intervention refused: reason: is required: say why");

    ResponseEntity<JsonNode> notSuspended = post("unodc-manager", "resumption", null);
    assertThat(notSuspended.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notSuspended.getBody().get("detail").asText())
        .isEqualTo(activity.getBusinessKey() + " is ACTIVE; only an activity that is SUSPENDED can be resumed");

    ResponseEntity<String> malformed = as("unodc-manager").postForEntity(url("suspension"), json("{\"reason\":"), String.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody()).doesNotContain("at org.");

    ResponseEntity<JsonNode> unknown = as("unodc-manager").postForEntity("/api/activities/JA-1999-0001/suspension",
        json("{\"reason\":\"x\"}"), JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(state()).isEqualTo(ActivityState.ACTIVE);
  }

  @Test
  void partiesReadTheScheduleReportsAndAmendments() {
    scenario.requestAmendment("iom-officer", Map.of("activityReference", activity.getBusinessKey(),
        "newEndDate", "2028-03-31", "justification", "More time."));

    JsonNode reports = as("iom-reviewer").getForObject("/api/activities/" + activity.getBusinessKey() + "/reports", JsonNode.class);
    assertThat(reports.get("schedule")).hasSize(4);
    assertThat(reports.at("/schedule/3/end").asText()).isEqualTo("2027-12-31");
    assertThat(reports.at("/schedule/3/last").asBoolean()).isTrue();
    assertThat(reports.get("reports")).isEmpty();

    JsonNode amendments = as("unodc-manager").getForObject("/api/activities/" + activity.getBusinessKey() + "/amendments",
        JsonNode.class);
    assertThat(amendments).hasSize(1);
    assertThat(amendments.at("/0/status").asText()).isEqualTo("IN_REVIEW");
    assertThat(amendments.at("/0/newEndDate").asText()).isEqualTo("2028-03-31");
    assertThat(amendments.at("/0/justification").asText()).isEqualTo("More time.");

    assertThat(http.getForEntity("/api/activities/" + activity.getBusinessKey() + "/reports", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<JsonNode> post(String user, String action, String reason) {
    String body = reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}";
    return as(user).postForEntity(url(action), json(body), JsonNode.class);
  }

  private String url(String action) {
    return "/api/activities/" + activity.getBusinessKey() + "/" + action;
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }

  private ActivityState state() {
    return scenario.activity(activity).getState();
  }
}
