package org.jointactivities.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A reference typed into Tasklist's search ("Name like JA-…") finds that activity's tasks. */
@JointActivitiesTest
class ReferenceSearchOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired FilterService filters;

  @Test
  void aReferenceTypedAsTasklistSendsItFindsTheActivitysTasks() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.submitValid(); // another activity's review, not found
    String reference = proposal.getBusinessKey();
    String filter = filters.createFilterQuery().filterName("My agency's reviews").list().get(0).getId();

    JsonNode found = http.withBasicAuth("iom-reviewer", "demo").postForObject(
        "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
        Map.of("nameLike", reference, "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))), JsonNode.class);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("name").asText()).isEqualTo("Review proposal");
    assertThat(found.get(0).get("processInstanceId").asText())
        .isEqualTo(scenario.task(proposal, "Task_ReviewProposal", "IOM").getProcessInstanceId());
    JsonNode count = http.withBasicAuth("iom-reviewer", "demo").postForObject("/engine-rest/filter/" + filter + "/count",
        Map.of("nameLike", reference.toLowerCase()), JsonNode.class);
    assertThat(count.get("count").asInt()).isEqualTo(1);

    // a name that is no reference is searched as a name
    JsonNode byName = http.withBasicAuth("iom-reviewer", "demo").postForObject("/engine-rest/task",
        Map.of("nameLike", "Review%"), JsonNode.class);
    assertThat(byName.size()).isGreaterThanOrEqualTo(2);
  }
}
