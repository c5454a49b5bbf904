package org.jointactivities.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Officers of both agencies submit at the same moment, over the REST API as Tasklist does: every
 * submission is accepted, each under a reference of its own. (The reference counter once held its
 * row lock through the whole submission, and at 32 submitters some answered 500 with the SQL.)
 */
@JointActivitiesTest
class ConcurrentSubmissionsTest {

  static final int SUBMITTERS = 64;
  private static final List<String> OFFICERS = List.of("unodc-officer", "iom-officer");

  @Autowired TestRestTemplate http;
  @Autowired ActivityRegistry registry;

  @Test
  void sixtyFourSimultaneousSubmissionsAllSucceedWithDistinctReferences() throws Exception {
    ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ResponseEntity<JsonNode>>> submissions = new ArrayList<>();
    try {
      for (int i = 0; i < SUBMITTERS; i++) {
        String officer = OFFICERS.get(i % OFFICERS.size());
        Map<String, Object> variables = Proposals.overRest();
        if (officer.startsWith("iom")) {
          variables.put("leadAgency", Map.of("value", "IOM"));
          variables.put("partnerAgency", Map.of("value", "UNODC"));
          variables.put("leadFocalPoint", Map.of("value", "iom-reviewer"));
          variables.put("partnerFocalPoint", Map.of("value", "unodc-reviewer"));
        }
        submissions.add(submitters.submit(() -> {
          start.await();
          return http.withBasicAuth(officer, "demo").postForEntity(
              "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", variables),
              JsonNode.class);
        }));
      }
      start.countDown();
      List<String> references = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> submission : submissions) {
        ResponseEntity<JsonNode> answer = submission.get(5, TimeUnit.MINUTES);
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(200);
        references.add(answer.getBody().get("businessKey").asText());
      }

      assertThat(references).doesNotHaveDuplicates().allMatch(reference -> reference.matches("JA-\\d{4}-\\d{4,}"));
      assertThat(references).allSatisfy(reference ->
          assertThat(registry.getByReference(reference).getState()).isEqualTo(ActivityState.IN_REVIEW));
    } finally {
      submitters.shutdownNow();
    }
  }
}
