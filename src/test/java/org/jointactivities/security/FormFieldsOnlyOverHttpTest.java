package org.jointactivities.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Through the engine's API only a form's own fields can be set, and only with a form's types:
 * whatever else a caller names — a variable of the application, a made-up one, an object of a
 * Java class of their choosing — is refused with 400 naming it, and nothing is built or saved.
 */
@JointActivitiesTest
@SuppressWarnings("unchecked")
class FormFieldsOnlyOverHttpTest {

  private static final String START = "/engine-rest/process-definition/key/JointActivityProposal/submit-form";

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired JointActivityRepository activities;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void resetTripwire() {
    Tripwire.BUILT.set(0);
  }

  /** An Object value naming a class: the REST API would have Spin build it from the JSON. */
  private static Map<String, Object> object(String format) {
    return Map.of("value", "{\"command\":\"rm -rf /\"}", "type", "Object",
        "valueInfo", Map.of("objectTypeName", Tripwire.class.getName(), "serializationDataFormat", format));
  }

  @ParameterizedTest(name = "serialized as {0}")
  @ValueSource(strings = {"application/json", "application/x-java-serialized-object"})
  void anObjectInAStartFormIsRefusedBeforeAnythingIsBuilt(String format) {
    long before = activities.count();
    Map<String, Object> body = proposal();
    variables(body).put("summary", object(format));
    ResponseEntity<JsonNode> refused = as("unodc-officer", HttpMethod.POST, START, body);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).startsWith("Variable 'summary' has the type 'Object'");
    assertThat(Tripwire.BUILT).hasValue(0);
    assertThat(activities.count()).isEqualTo(before);
  }

  @Test
  void anObjectInATaskCompletionIsRefusedBeforeAnythingIsBuilt() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    for (String operation : List.of("submit-form", "complete")) {
      Map<String, Object> body = Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"),
          "reviewComment", object("application/json")));
      ResponseEntity<JsonNode> refused = as("iom-reviewer", HttpMethod.POST,
          "/engine-rest/task/" + review.getId() + "/" + operation, body);
      assertThat(refused.getStatusCode().value()).as(operation).isEqualTo(400);
      assertThat(refused.getBody().get("message").asText()).startsWith("Variable 'reviewComment' has the type 'Object'");
    }
    // hidden without a type: the engine would keep a map as a serialized Java object
    ResponseEntity<JsonNode> untyped = as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId()
        + "/submit-form", Map.of("variables", Map.of("reviewComment", Map.of("value", Map.of("a", 1)))));
    assertThat(untyped.getStatusCode().value()).isEqualTo(400);
    assertThat(untyped.getBody().get("message").asText()).startsWith("Variable 'reviewComment' is an object without a type");
    // a file is no form's value either
    ResponseEntity<JsonNode> file = as("iom-reviewer", HttpMethod.PUT, "/engine-rest/task/" + review.getId()
        + "/variables/reviewComment", Map.of("value", "AAAA", "type", "Bytes"));
    assertThat(file.getStatusCode().value()).isEqualTo(400);

    assertThat(Tripwire.BUILT).hasValue(0);
    assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult()).isNotNull();
    assertThat(tasks.getVariable(review.getId(), "reviewComment")).isNull();
  }

  @Test
  void behindTheFilterTheEngineBuildsNoClassItWasNotToldTo() {
    ProcessInstance proposal = scenario.submitValid();
    TypedValue forged = Variables.serializedObjectValue("{\"command\":\"x\"}")
        .objectTypeName(Tripwire.class.getName()).serializationDataFormat("application/json").create();
    runtime.setVariable(proposal.getId(), "forged", forged);

    assertThatThrownBy(() -> runtime.getVariable(proposal.getId(), "forged")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(Tripwire.class.getName());
    assertThat(Tripwire.BUILT).hasValue(0);
  }

  @Test
  void aVariableOutsideTheFormIsRefusedNamingIt() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");

    Map<String, Object> extra = Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"),
        "approvedBy", Map.of("value", "someone")));
    ResponseEntity<JsonNode> refused = as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId()
        + "/submit-form", extra);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).isEqualTo("Variable 'approvedBy' is not a field of the form of "
        + "'Review proposal' and cannot be set through the API: only the form's own fields can");

    String longName = "x".repeat(5000);
    ResponseEntity<JsonNode> overlong = as("iom-reviewer", HttpMethod.PUT, "/engine-rest/task/" + review.getId()
        + "/variables/" + longName, Map.of("value", "x"));
    assertThat(overlong.getStatusCode().value()).isEqualTo(400);

    Map<String, Object> start = proposal();
    variables(start).put("activityId", Map.of("value", 1));
    ResponseEntity<JsonNode> atStart = as("unodc-officer", HttpMethod.POST, START, start);
    assertThat(atStart.getStatusCode().value()).isEqualTo(400);
    assertThat(atStart.getBody().get("message").asText()).isEqualTo("Variable 'activityId' is not a field of the start "
        + "form of 'Joint activity proposal' and cannot be set through the API: only the form's own fields can");

    // a process instance has no form: nothing can be written to it from outside
    ResponseEntity<JsonNode> onInstance = as("admin", HttpMethod.PUT, "/engine-rest/process-instance/" + proposal.getId()
        + "/variables/title", Map.of("value", "Renamed"));
    assertThat(onInstance.getStatusCode().value()).isEqualTo(400);
    assertThat(onInstance.getBody().get("message").asText()).isEqualTo("Variable 'title' cannot be set, changed or "
        + "deleted through the API here: only the fields of a task's or a start event's form can be submitted");
    assertThat(runtime.getVariable(proposal.getId(), "title")).isEqualTo(Proposals.valid().get("title"));
    assertThat(tasks.getVariables(review.getId())).doesNotContainKey("approvedBy");
  }

  @Test
  void whatAFormOnlyShowsIsDroppedFromASubmissionAndRefusedAsAWrite() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");

    ResponseEntity<JsonNode> direct = as("iom-reviewer", HttpMethod.PUT, "/engine-rest/task/" + review.getId()
        + "/variables/title", Map.of("value", "Renamed"));
    assertThat(direct.getStatusCode().value()).isEqualTo(400);
    assertThat(direct.getBody().get("message").asText())
        .isEqualTo("Variable 'title' is shown read-only in the form of 'Review proposal' and cannot be set through the API");

    // Tasklist sends the read-only fields back; a changed one changes nothing
    Map<String, Object> echoed = Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"),
        "title", Map.of("value", "Renamed"), "leadAgency", Map.of("value", "IOM")));
    assertThat(as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/submit-form", echoed)
        .getStatusCode().value()).isEqualTo(204);
    assertThat(runtime.getVariable(proposal.getId(), "title")).isEqualTo(Proposals.valid().get("title"));
    assertThat(runtime.getVariable(proposal.getId(), "leadAgency")).isEqualTo("UNODC");
    assertThat(scenario.activity(proposal).getTitle()).isEqualTo(Proposals.valid().get("title"));
  }

  @Test
  void nothingCanBeDeletedThroughTheApi() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    ResponseEntity<JsonNode> refused = as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId()
        + "/variables", Map.of("deletions", List.of("reviewDecision")));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).isEqualTo("Variable 'reviewDecision' cannot be deleted through the API");
  }

  private ResponseEntity<JsonNode> as(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static Map<String, Object> variables(Map<String, Object> body) {
    return (Map<String, Object>) body.get("variables");
  }

  /** A valid proposal as Tasklist submits it. */
  private static Map<String, Object> proposal() {
    Map<String, Object> variables = new LinkedHashMap<>();
    Proposals.valid().forEach((name, value) -> variables.put(name, value instanceof TypedValue typed
        ? Map.of("value", String.valueOf(typed.getValue()), "type", "Json") : Map.of("value", value)));
    return new LinkedHashMap<>(Map.of("variables", variables));
  }
}
