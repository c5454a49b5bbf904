package org.jointactivities.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Cockpit's Human Tasks page as a manager calls it: their agency's open tasks, counted and by group. */
@JointActivitiesTest
class ManagersHumanTasksOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @Test
  void aManagerCountsTheOpenTasksOfTheirAgencysActivitiesOnly() {
    scenario.person("solo-manager", "unodc-managers");
    String reference = scenario.submitValid().getBusinessKey();
    assertThat(http.withBasicAuth("solo-manager", "demo").getForObject(
        "/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class)).as("the manager reads both reviews").hasSize(2);

    // the page's counts are the open tasks the manager may read: as many as the runtime query gives them
    long readable = http.withBasicAuth("solo-manager", "demo").getForObject("/engine-rest/task/count", JsonNode.class)
        .get("count").asLong();
    assertThat(readable).isGreaterThanOrEqualTo(2);
    assertThat(count("solo-manager", Map.of("unfinished", true))).isEqualTo(readable);
    assertThat(count("solo-manager", Map.of("unfinished", true, "assigned", true))
        + count("solo-manager", Map.of("unfinished", true, "unassigned", true, "withCandidateGroups", true))
        + count("solo-manager", Map.of("unfinished", true, "unassigned", true, "withoutCandidateGroups", true)))
        .isEqualTo(readable);

    JsonNode byGroup = http.withBasicAuth("solo-manager", "demo")
        .getForObject("/engine-rest/task/report/candidate-group-count", JsonNode.class);
    assertThat(byGroup.findValuesAsText("groupName")).contains("unodc-reviewers", "iom-reviewers");

    // someone with no agency counts nothing; an administrator gets the engine's own answer, over every task
    scenario.person("nobodys-user");
    assertThat(count("nobodys-user", Map.of("unfinished", true))).isZero();
    assertThat(count("admin", Map.of("unfinished", true))).isGreaterThanOrEqualTo(readable);
  }

  private long count(String user, Map<String, Object> criteria) {
    return http.withBasicAuth(user, "demo").postForObject("/engine-rest/history/task/count", criteria, JsonNode.class)
        .get("count").asLong();
  }
}
