package org.jointactivities.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Two people (or two browser tabs of one) work on the same task; the first completes it. Whatever
 * the second then does with it answers 404 in words, as a task that is not there — never a server
 * error with the engine's message.
 */
@JointActivitiesTest
class FinishedTaskOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired FormService forms;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private String finished;

  @BeforeEach
  void aReviewDecidedByTheFirstTab() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    ResponseEntity<JsonNode> first = as(HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"))));
    assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(204);
    finished = review.getId();
  }

  static Stream<Arguments> whatTheSecondTabDoes() {
    Map<String, Object> decision = Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE")));
    return Stream.of(
        Arguments.of("submit the form", HttpMethod.POST, "/submit-form", decision),
        Arguments.of("complete", HttpMethod.POST, "/complete", decision),
        Arguments.of("claim", HttpMethod.POST, "/claim", Map.of("userId", "iom-reviewer")),
        Arguments.of("unclaim", HttpMethod.POST, "/unclaim", Map.of()),
        Arguments.of("set the assignee", HttpMethod.POST, "/assignee", Map.of("userId", "iom-reviewer")),
        Arguments.of("comment", HttpMethod.POST, "/comment/create", Map.of("message", "Looks good")));
  }

  static Stream<Arguments> whatTheSecondTabReads() {
    return Stream.of(Arguments.of("/form"), Arguments.of("/form-variables"), Arguments.of("/deployed-form"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whatTheSecondTabDoes")
  void workOnATaskSomeoneCompletedIsNotFoundInWords(String what, HttpMethod method, String action, Object body) {
    ResponseEntity<JsonNode> second = as(method, "/engine-rest/task/" + finished + action, body);

    assertThat(second.getStatusCode().value()).as(String.valueOf(second.getBody())).isEqualTo(404);
    assertThat(second.getBody().get("message").asText()).as(what)
        .contains(TaskGone.MESSAGE).doesNotContain("ENGINE-").doesNotContain("is null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whatTheSecondTabReads")
  void readingATaskSomeoneCompletedIsNotFound(String read) {
    ResponseEntity<JsonNode> second = as(HttpMethod.GET, "/engine-rest/task/" + finished + read, null);

    assertThat(second.getStatusCode().value()).as(String.valueOf(second.getBody())).isEqualTo(404);
    assertThat(second.getBody().get("message").asText()).doesNotContain("ENGINE-").doesNotContain("is null")
        .doesNotContain("saved");
  }

  /** The other tab completes the task after the application looked, before the engine did. */
  @Test
  void aTaskCompletedBetweenTheCheckAndTheEngineIsNotFoundInWordsToo() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/" + finished + "/submit-form");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    identity.setAuthenticatedUserId("iom-reviewer");
    try {
      assertThatThrownBy(() -> forms.submitTaskForm(finished, Map.of("reviewDecision", "APPROVE")))
          .isInstanceOfSatisfying(RestException.class, answer -> {
            assertThat(answer.getStatus().getStatusCode()).isEqualTo(404);
            assertThat(answer.getMessage()).isEqualTo(TaskGone.MESSAGE);
          });
      assertThatThrownBy(() -> tasks.claim(finished, "iom-reviewer"))
          .isInstanceOfSatisfying(RestException.class, answer -> assertThat(answer.getStatus().getStatusCode()).isEqualTo(404));
    } finally {
      identity.clearAuthentication();
      RequestContextHolder.resetRequestAttributes();
    }
  }

  @Test
  void outsideAWebRequestTheEngineKeepsItsOwnException() {
    assertThatThrownBy(() -> forms.submitTaskForm(finished, Map.of("reviewDecision", "APPROVE")))
        .isNotInstanceOf(RestException.class).hasMessageContaining("Cannot find task");
  }

  private ResponseEntity<JsonNode> as(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("iom-reviewer", "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
