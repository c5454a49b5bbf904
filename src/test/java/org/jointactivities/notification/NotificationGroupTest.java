package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Mails;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Large candidate groups: a task for 300 reviewers must neither fail the work that created it nor
 * show anyone the others' addresses, and one address that cannot be delivered to holds up nobody.
 */
@JointActivitiesTest
class NotificationGroupTest {

  static final int MEMBERS = 300;
  static final String BROKEN = "unodc-reviewer-broken";

  @Autowired Scenario scenario;
  @Autowired MailSink sink;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate http;

  final List<String> members = IntStream.rangeClosed(1, MEMBERS).mapToObj(i -> "unodc-reviewer-" + i).toList();

  @BeforeEach
  void emptyInbox() {
    sink.clear();
  }

  @AfterEach
  void removeTheReviewersAdded() {
    members.forEach(identity::deleteUser);
    identity.deleteUser(BROKEN);
  }

  @Test
  void everyMemberOfALargeGroupGetsAMailOfTheirOwnAndTheSubmissionSucceeds() {
    members.forEach(member -> reviewer(member, member + "@unodc.org"));
    ProcessInstance proposal = scenario.submitValid();
    scenario.runJobs();

    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.IN_REVIEW);
    String link = NotificationTest.TASKLIST + scenario.task(proposal, "Task_ReviewProposal", "UNODC").getId();
    List<Mails> reviews = unodcReviewMails(proposal);
    List<String> expected = new ArrayList<>(members.stream().map(member -> member + "@unodc.org").toList());
    expected.add("unodc-reviewer@unodc.org"); // the demo reviewer
    assertThat(reviews).flatExtracting(Mails::to).containsExactlyInAnyOrderElementsOf(expected);
    // each mail names its one recipient: nobody sees the others' addresses
    assertThat(reviews).allSatisfy(mail -> {
      assertThat(mail.to()).hasSize(1);
      assertThat(mail.text()).contains("Open the task in Tasklist: " + link);
      assertThat(mail.html()).contains("href=\"" + link + "\"");
    });
  }

  @Test
  void anAddressThatCannotBeMailedHoldsUpNobodyAndIsShownToOperators() {
    reviewer(BROKEN, "unodc-reviewer-broken at unodc.org");
    ProcessInstance proposal = scenario.submitValid();
    assertThat(scenario.runJobsCountingFailures()).as("only the broken address fails").isEqualTo(1);

    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.IN_REVIEW);
    assertThat(unodcReviewMails(proposal)).flatExtracting(Mails::to).containsExactly("unodc-reviewer@unodc.org");
    assertThat(sink.received().stream().map(Mails::new).filter(mail -> mail.subject().contains(proposal.getBusinessKey())))
        .flatExtracting(Mails::to).hasSize(5); // the IOM reviewer, the proposer and both focal points, too
    // no retry can mend the address: it is shown to operators at once, not after days of attempts
    JsonNode status = http.withBasicAuth("admin", "demo").getForObject("/api/operations/notifications", JsonNode.class);
    List<JsonNode> failed = new ArrayList<>();
    status.get("failed").forEach(failed::add);
    assertThat(failed).filteredOn(f -> f.get("subject").asText().contains(proposal.getBusinessKey()))
        .singleElement().satisfies(f -> {
          assertThat(f.get("recipients").get(0).asText()).isEqualTo("unodc-reviewer-broken at unodc.org");
          assertThat(f.get("error").asText()).contains("cannot be written as e-mail");
        });
  }

  private List<Mails> unodcReviewMails(ProcessInstance proposal) {
    return sink.received().stream().map(Mails::new)
        .filter(mail -> mail.subject().equals(proposal.getBusinessKey()
            + ": Review proposal — Joint training on victim identification at borders"))
        .filter(mail -> mail.to().stream().anyMatch(to -> to.endsWith("@unodc.org")))
        .toList();
  }

  private void reviewer(String id, String email) {
    User user = identity.newUser(id);
    user.setEmail(email);
    identity.saveUser(user);
    identity.createMembership(id, "unodc-reviewers");
  }
}
