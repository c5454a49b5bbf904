package org.jointactivities.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The discussion of an activity, as Tasklist's Add Comment and the Discussion tab use it: a comment
 * written by IOM in its task is read by UNODC in the next task of the activity, with who, agency and
 * when; outsiders read nothing; an empty comment is refused with its field.
 */
@JointActivitiesTest
class DiscussionOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @Test
  void aCommentByIomInItsReviewIsReadByUnodcInItsOwnTask() {
    ProcessInstance proposal = scenario.submitValid();
    Task iom = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    Task unodc = scenario.task(proposal, "Task_ReviewProposal", "UNODC");

    // Tasklist's Add Comment, with the process instance as Tasklist is configured to send it
    ResponseEntity<JsonNode> added = as("iom-reviewer").postForEntity("/engine-rest/task/" + iom.getId() + "/comment/create",
        Map.of("message", "Can the workshops include Mozambique's border police?", "processInstanceId", iom.getProcessInstanceId()),
        JsonNode.class);
    assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.OK);
    // the Discussion tab of another task, in the other agency
    ResponseEntity<JsonNode> written = as("unodc-reviewer").postForEntity("/api/tasks/" + unodc.getId() + "/discussion",
        Map.of("text", "Yes: their training unit has agreed."), JsonNode.class);
    assertThat(written.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    JsonNode read = as("unodc-officer").getForObject("/api/tasks/" + unodc.getId() + "/discussion", JsonNode.class);
    assertThat(read.get("reference").asText()).isEqualTo(proposal.getBusinessKey());
    JsonNode comments = read.get("comments");
    assertThat(comments).hasSize(2);
    assertThat(comments.get(0).get("authorName").asText()).isEqualTo("IOM Reviewer");
    assertThat(comments.get(0).get("agency").asText()).isEqualTo("IOM");
    assertThat(comments.get(0).get("task").asText()).isEqualTo("Review proposal");
    assertThat(comments.get(0).get("text").asText()).isEqualTo("Can the workshops include Mozambique's border police?");
    assertThat(comments.get(0).get("writtenAt").asText()).isNotEmpty();
    assertThat(comments.get(1).get("agency").asText()).isEqualTo("UNODC");

    // Tasklist's own comments of a task (its History tab) are the activity's discussion
    JsonNode inTasklist = as("unodc-reviewer").getForObject("/engine-rest/task/" + unodc.getId() + "/comment", JsonNode.class);
    assertThat(inTasklist.findValuesAsText("userId")).containsExactly("iom-reviewer", "unodc-reviewer");
    assertThat(inTasklist.get(0).get("message").asText())
        .isEqualTo("Can the workshops include Mozambique's border police? — IOM Reviewer (IOM)");
    assertThat(inTasklist.get(0).get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");

    // the same discussion in the activity's record, also once the reviews are over
    scenario.approveBoth(proposal);
    JsonNode record = as("iom-officer").getForObject("/api/activities/" + proposal.getBusinessKey() + "/discussion",
        JsonNode.class);
    assertThat(record).hasSize(2);
  }

  @Test
  void outsidersReadNothingAndAnEmptyCommentIsRefusedByItsField() {
    ProcessInstance proposal = scenario.submitValid();
    Task iom = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    scenario.person("outsider-officer");

    assertThat(as("outsider-officer").getForEntity("/api/activities/" + proposal.getBusinessKey() + "/discussion",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("outsider-officer").postForEntity("/api/tasks/" + iom.getId() + "/discussion", Map.of("text", "hello"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(as("outsider-officer").getForEntity("/engine-rest/task/" + iom.getId() + "/comment", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> empty = as("iom-reviewer").postForEntity("/api/tasks/" + iom.getId() + "/discussion",
        Map.of("text", "  "), JsonNode.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("detail").asText()).isEqualTo("Comment refused: text: is required: write something");
    assertThat(as("iom-reviewer").getForObject("/api/activities/" + proposal.getBusinessKey() + "/discussion",
        JsonNode.class)).isEmpty();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }
}
