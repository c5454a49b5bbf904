package org.jointactivities.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Engine operations that could move an activity past its rules, tried over HTTP: refused before
 * the engine acts, with the activity, its tasks and its deadlines as they were.
 */
@JointActivitiesTest
class EngineOperationsOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @Test
  void aRefusedJobExecutionLeavesTheJobAsItWas() {
    ProcessInstance proposal = scenario.submitValid();
    // the deadline of a review task: a timer of the joint review that holds it
    String review = scenario.task(proposal, "Task_ReviewProposal", "IOM").getProcessInstanceId();
    Job deadline = management.createJobQuery().processInstanceId(review).timers().list().get(0);

    ResponseEntity<JsonNode> refused = as("iom-reviewer", HttpMethod.POST, "/engine-rest/job/" + deadline.getId() + "/execute", null);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().get("message").asText()).startsWith("The user with id 'iom-reviewer' may not run job");

    Job after = management.createJobQuery().jobId(deadline.getId()).singleResult();
    assertThat(after).as("the timer still waits").isNotNull();
    assertThat(after.getRetries()).isEqualTo(deadline.getRetries());
    assertThat(after.getDuedate()).isEqualTo(deadline.getDuedate());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(scenario.auditActions(proposal)).doesNotContain(AuditAction.TASK_OVERDUE);
  }

  @Test
  void anAdministratorCannotModifyCancelMigrateOrSuspendAnActivitysProcess() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    ProcessInstance signOff = runtime.createProcessInstanceQuery().superProcessInstanceId(proposal.getId()).singleResult();
    List<Task> before = scenario.openTasks(proposal);

    Map<String, Object> skipSignatures = Map.of("instructions", List.of(
        Map.of("type", "cancel", "activityId", "CallActivity_DualAgencySignOff"),
        Map.of("type", "startBeforeActivity", "activityId", "Task_RecordSignedActivity")),
        "skipCustomListeners", true, "annotation", "signed on paper");
    for (String[] call : new String[][] {
        {"POST", "/engine-rest/process-instance/" + proposal.getId() + "/modification"},
        {"POST", "/engine-rest/process-instance/" + signOff.getId() + "/modification-async"},
        {"POST", "/engine-rest/modification/execute"},
        {"DELETE", "/engine-rest/process-instance/" + signOff.getId() + "?skipCustomListeners=true"},
        {"POST", "/engine-rest/process-instance/delete"},
        {"POST", "/engine-rest/migration/execute"},
        {"POST", "/engine-rest/process-definition/" + signOff.getProcessDefinitionId() + "/restart"},
        {"PUT", "/engine-rest/process-instance/" + signOff.getId() + "/suspended"},
        {"PUT", "/engine-rest/process-definition/key/DualAgencySignOff/suspended"},
        {"DELETE", "/engine-rest/process-definition/" + signOff.getProcessDefinitionId() + "?cascade=true"}}) {
      ResponseEntity<JsonNode> refused = as("admin", HttpMethod.valueOf(call[0]), call[1],
          call[0].equals("DELETE") ? null : call[1].endsWith("suspended") ? Map.of("suspended", true) : skipSignatures);
      assertThat(refused.getStatusCode().value()).as(call[1]).isEqualTo(403);
      assertThat(refused.getBody().get("message").asText()).as(call[1])
          .contains("is switched off on this application's engine API");
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(signOff.getId()).active().count()).isEqualTo(1);
    assertThat(scenario.openTasks(proposal)).extracting(Task::getId)
        .containsExactlyInAnyOrderElementsOf(before.stream().map(Task::getId).toList());
    assertThat(scenario.activity(proposal).getState().name()).isEqualTo("AWAITING_SIGNATURE");
  }

  @Test
  void aReviewerCanGiveBackATaskTheyClaimedButNotTakeAnothersClaim() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    scenario.person("iom-reviewer-2", "iom-reviewers");

    assertThat(as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/claim",
        Map.of("userId", "iom-reviewer")).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<JsonNode> others = as("iom-reviewer-2", HttpMethod.POST, "/engine-rest/task/" + review.getId()
        + "/unclaim", null);
    assertThat(others.getStatusCode().value()).isEqualTo(403);
    assertThat(scenario.task(proposal, "Task_ReviewProposal", "IOM").getAssignee()).isEqualTo("iom-reviewer");

    ResponseEntity<JsonNode> own = as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/unclaim", null);
    assertThat(own.getStatusCode().value()).as(String.valueOf(own.getBody())).isEqualTo(204);
    assertThat(scenario.task(proposal, "Task_ReviewProposal", "IOM").getAssignee()).isNull();
  }

  @Test
  void badRequestsForTasksAnswerWithAClearClientError() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);

    for (String[] call : new String[][] {
        {"GET", "/engine-rest/task/no-such-task/form"},
        {"GET", "/engine-rest/task/no-such-task/deployed-form"},
        {"GET", "/engine-rest/task/no-such-task/form-variables"},
        {"GET", "/engine-rest/process-definition/no-such-definition/deployed-start-form"},
        {"GET", "/engine-rest/process-definition/key/NoSuchProcess/deployed-start-form"},
        {"POST", "/engine-rest/task/no-such-task/submit-form"},
        {"GET", "/engine-rest/task/" + review.getId() + "/deployed-form"},
        {"POST", "/engine-rest/task/" + review.getId() + "/submit-form"},
        {"POST", "/engine-rest/task/" + review.getId() + "/complete"},
        {"POST", "/engine-rest/task/" + review.getId() + "/claim"}}) {
      Object body = call[0].equals("GET") ? null : call[1].endsWith("claim") ? Map.of("userId", "iom-reviewer")
          : Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE")));
      ResponseEntity<JsonNode> answer = as("iom-reviewer", HttpMethod.valueOf(call[0]), call[1], body);
      assertThat(answer.getStatusCode().value()).as(call[0] + " " + call[1] + ": " + answer.getBody()).isBetween(400, 499);
      assertThat(answer.getBody().get("message").asText()).as(call[1]).isNotBlank();
    }
  }

  private ResponseEntity<JsonNode> as(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
