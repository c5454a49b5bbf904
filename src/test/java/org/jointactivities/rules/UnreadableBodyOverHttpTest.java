package org.jointactivities.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
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

/**
 * A body our API cannot read — not JSON, or not of the endpoint's shape — is refused with 400 and a
 * sentence naming the field and what it must be, never a bare "Bad Request"; nothing is changed.
 */
@JointActivitiesTest
class UnreadableBodyOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired JointActivityRepository activities;

  static Stream<Arguments> unreadableWithdrawals() {
    return Stream.of(
        Arguments.of("{\"reason\": ", "The request body is not valid JSON (line 1, column 12)"),
        Arguments.of("{\"reason\": [\"Changed priorities\"]}", "reason: must be text"),
        Arguments.of("[\"Changed priorities\"]", "The request body must be a JSON object"),
        Arguments.of("", "The request body is missing or cannot be read as JSON"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unreadableWithdrawals")
  void aWithdrawalTheApiCannotReadIsRefusedInWords(String body, String detail) {
    String reference = scenario.submitValid().getBusinessKey();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> refused = http.withBasicAuth("unodc-officer", "demo").exchange(
        "/api/activities/" + reference + "/withdrawal", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().path("detail").asText()).isEqualTo(detail);
    assertThat(activities.findByReference(reference).orElseThrow().getState()).isEqualTo(ActivityState.IN_REVIEW);
  }
}
