package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.intervention.Interventions;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Mails;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Reports;
import org.jointactivities.support.BeforeTheActivityStarts;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The e-mails people receive, as a real SMTP server (the application's GreenMail sink) receives them. */
@JointActivitiesTest
class NotificationTest {

  static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";
  /** The focal points of Proposals.valid(). */
  static final String LEAD_FOCAL_POINT = "unodc-reviewer@unodc.org";
  static final String PARTNER_FOCAL_POINT = "iom-reviewer@iom.int";
  static final String PROPOSER = "unodc-officer@unodc.org";

  @Autowired Scenario scenario;
  @Autowired MailSink sink;
  @Autowired TaskNotifications taskNotifications;
  @Autowired NotificationRepository notifications;
  @Autowired TestRestTemplate http;
  @Autowired MeterRegistry meters;
  @Autowired Interventions interventions;
  @Autowired NotificationOperations operations;
  @Autowired NotificationProperties properties;

  @BeforeEach
  void emptyInbox() {
    sink.clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aNewReviewIsMailedToTheReviewersOfEachAgencyWithALinkToTheTask() throws Exception {
    ProcessInstance proposal = scenario.submitValid();
    scenario.runJobs();
    Task iomReview = scenario.task(proposal, "Task_ReviewProposal", "IOM");

    Mails mail = only(mailsAbout(proposal, "Review proposal"), "iom-reviewer@iom.int");
    assertThat(mail.subject()).isEqualTo(proposal.getBusinessKey() + ": Review proposal — Joint training on victim identification at borders");
    assertThat(mail.text())
        .contains("A task is waiting for you.")
        .contains("Activity: " + proposal.getBusinessKey() + " Joint training on victim identification at borders")
        .contains("What is asked: Review the proposal for IOM (International Organization for Migration): approve it, request changes or reject it.")
        .containsPattern("Due: \\w+day \\d{1,2} \\w+ \\d{4}, 23:59 UTC")
        .contains("Open the task in Tasklist: " + TASKLIST + iomReview.getId())
        .contains("Joint Activities — UNODC and IOM");
    assertThat(mail.html())
        .contains("href=\"" + TASKLIST + iomReview.getId() + "\"")
        .contains("<strong>" + proposal.getBusinessKey() + "</strong>");
    assertThat(only(mailsAbout(proposal, "Review proposal"), "unodc-reviewer@unodc.org").text())
        .contains("Review the proposal for UNODC (United Nations Office on Drugs and Crime)");
    // the outbox row it is, and a Message-ID of its own that a copy sent again would keep
    String row = mail.message().getHeader(MailDelivery.NOTIFICATION_HEADER, null);
    assertThat(row).matches("\\d+");
    assertThat(mail.message().getMessageID()).matches("<" + row + "\\.\\d+\\.joint-activities@[a-z0-9.-]+>");
  }

  @Test
  void theRevisionGoesToTheProposerAndSignaturesToEverySignatoryAtTheLevelOrAbove() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "Add dates");
    scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
    assertThat(only(mailsAbout(proposal, "Revise proposal"), "unodc-officer@unodc.org").text())
        .contains("The reviewers asked for changes: revise the proposal and resubmit it, or withdraw it.");

    Map<String, Object> revised = Proposals.valid();
    revised.put("revisionDecision", "RESUBMIT");
    scenario.complete("unodc-officer", scenario.task(proposal, "Task_ReviseProposal", null), revised);
    scenario.approveBoth(proposal);

    assertThat(mailsAbout(proposal, "Sign joint activity")).flatExtracting(Mails::to).containsExactlyInAnyOrder(
        "unodc-signatory-pm@unodc.org", "unodc-signatory-director@unodc.org", "unodc-signatory-head@unodc.org",
        "iom-signatory-pm@iom.int", "iom-signatory-director@iom.int", "iom-signatory-head@iom.int");
  }

  @Test
  void bothFocalPointsHearOfEveryChangeOfState() {
    // before the proposals' planned start, so that signing does not also activate
    ClockUtil.setCurrentTime(Date.from(BeforeTheActivityStarts.NOW));
    ProcessInstance signed = scenario.submitValid();
    scenario.review(signed, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "Please add dates");
    scenario.review(signed, "iom-reviewer", "IOM", "APPROVE", null);
    Map<String, Object> revised = Proposals.valid();
    revised.put("revisionDecision", "RESUBMIT");
    scenario.complete("unodc-officer", scenario.task(signed, "Task_ReviseProposal", null), revised);
    scenario.approveBoth(signed);
    scenario.sign(signed, "unodc-signatory-pm", "UNODC");
    scenario.sign(signed, "iom-signatory-pm", "IOM");
    ProcessInstance declined = scenario.submitValid();
    scenario.approveBoth(declined);
    scenario.decline(declined, "unodc-signatory-pm", "UNODC", "BACK_TO_REVIEW");
    ProcessInstance rejected = scenario.submitValid();
    scenario.review(rejected, "iom-reviewer", "IOM", "REJECT", "Outside our mandate");
    ProcessInstance withdrawn = scenario.submitValid();
    scenario.review(withdrawn, "iom-reviewer", "IOM", "REQUEST_CHANGES", "More detail");
    scenario.review(withdrawn, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.complete("unodc-officer", scenario.task(withdrawn, "Task_ReviseProposal", null),
        Map.of("revisionDecision", "WITHDRAW", "withdrawalReason", "Funding moved"));
    scenario.runJobs();

    assertThat(stateSubjects(signed)).containsExactly(subject(signed, "in review"), subject(signed, "back for changes"),
        subject(signed, "in review"), subject(signed, "awaiting signature"), subject(signed, "signed"));
    assertThat(stateSubjects(declined)).containsExactly(subject(declined, "in review"),
        subject(declined, "awaiting signature"), subject(declined, "in review"));
    assertThat(stateSubjects(rejected)).containsExactly(subject(rejected, "in review"), subject(rejected, "rejected"));
    assertThat(stateSubjects(withdrawn)).containsExactly(subject(withdrawn, "in review"),
        subject(withdrawn, "back for changes"), subject(withdrawn, "withdrawn"));
    for (ProcessInstance proposal : List.of(signed, declined, rejected, withdrawn)) {
      assertThat(stateSubjects(proposal, PARTNER_FOCAL_POINT)).isEqualTo(stateSubjects(proposal));
      assertThat(stateSubjects(proposal, PROPOSER)).as("the proposer hears of it too").isEqualTo(stateSubjects(proposal));
    }

    List<Mails> toLead = stateMails(signed, LEAD_FOCAL_POINT);
    assertThat(toLead.get(2).text()).contains(
        "What happened: The proposer revised the proposal and resubmitted it for joint review.", "By: UNODC Programme Officer");
    assertThat(toLead.get(3).text()).contains(
        "What happened: The reviewers of both agencies approved: the proposal now waits for both agencies to sign.");
    // who signed, for which agency, at which level
    assertThat(toLead.get(4).text()).contains("What happened: Both agencies signed: the joint activity is agreed.",
        "By: UNODC Signatory (Programme Manager) (UNODC) — Signed proposal version 2 for UNODC as programme manager",
        "By: IOM Signatory (Programme Manager) (IOM) — Signed proposal version 2 for IOM as programme manager");
    // who sent it back and why
    assertThat(toLead.get(1).text()).contains("What happened: The reviewers asked for changes",
        "By: UNODC Reviewer (UNODC) — Please add dates");
    assertThat(stateMails(declined, PARTNER_FOCAL_POINT).get(2).text()).contains(
        "What happened: A signatory declined to sign and sent the proposal back for another joint review.",
        "By: UNODC Signatory (Programme Manager) (UNODC) — The budget lacks a breakdown");
    Mails withdrawal = stateMails(withdrawn, PARTNER_FOCAL_POINT).get(2);
    assertThat(withdrawal.text()).contains("What happened: The proposer withdrew the proposal.",
        "By: UNODC Programme Officer — Funding moved");
    assertThat(withdrawal.html()).contains("Funding moved");
  }

  @Test
  void aRejectionTellsBothFocalPointsWhoRejectedItAndWhy() {
    ProcessInstance rejected = scenario.submitValid();
    scenario.review(rejected, "iom-reviewer", "IOM", "REJECT", "Outside our mandate");
    scenario.runJobs();

    List<Mails> rejection = mailsAbout(rejected, " is now rejected");
    assertThat(rejection).flatExtracting(Mails::to).containsExactlyInAnyOrder(PROPOSER, LEAD_FOCAL_POINT, PARTNER_FOCAL_POINT);
    Mails mail = only(rejection, PARTNER_FOCAL_POINT);
    assertThat(mail.subject()).isEqualTo(subject(rejected, "rejected"));
    assertThat(mail.text())
        .contains("A joint activity you proposed or are focal point for has changed.")
        .contains("Activity: " + rejected.getBusinessKey() + " Joint training on victim identification at borders")
        .contains("Agencies: United Nations Office on Drugs and Crime (UNODC) / International Organization for Migration (IOM)")
        .contains("What happened: The proposal was rejected.")
        .contains("State: rejected")
        .contains("By: IOM Reviewer (IOM) — Outside our mandate")
        .contains("Open Tasklist: http://localhost:8080/camunda/app/tasklist/default/")
        .contains("Joint Activities — UNODC and IOM");
    assertThat(mail.html())
        .contains("<strong>" + rejected.getBusinessKey() + "</strong>")
        .contains("<strong>rejected</strong>")
        .contains("The proposal was rejected.")
        .contains("IOM Reviewer")
        .contains("Outside our mandate")
        .contains("href=\"http://localhost:8080/camunda/app/tasklist/default/\"");
  }

  @Test
  void aReminderGoesOutOnceBeforeTheDueDate() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    ProcessInstance proposal = scenario.submitValid();
    scenario.runJobs();
    // due at the end of Monday 30 November; a day before, the reminder goes out
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T08:00:00Z")));
    taskNotifications.remindTasksDueSoon();
    taskNotifications.remindTasksDueSoon();
    scenario.runJobs();

    List<Mails> reminders = mailsAbout(proposal, "is due soon");
    assertThat(reminders).flatExtracting(Mails::to).containsExactlyInAnyOrder("unodc-reviewer@unodc.org", "iom-reviewer@iom.int");
    assertThat(reminders.get(0).subject()).startsWith("Reminder — " + proposal.getBusinessKey() + ": Review proposal");
    assertThat(reminders.get(0).text()).contains("Reminder: this task is due soon.", "Due: Monday 30 November 2026, 23:59 UTC");
  }

  @Test
  void anOverdueTaskRemindsItsHolderAndAlertsTheAgencysManagers() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.claim("iom-reviewer", scenario.task(proposal, "Task_ReviewProposal", "IOM"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T08:00:00Z")));
    scenario.runJobs();

    Mails overdue = only(mailsAbout(proposal, "Overdue — "), "iom-reviewer@iom.int");
    assertThat(overdue.text()).contains("This task is past its due date.");
    Mails escalation = only(mailsAbout(proposal, "Overdue in your agency"), "iom-manager@iom.int");
    assertThat(escalation.text()).contains("A task for your agency is past its due date.", "Waiting on: iom-reviewer",
        "Review proposal");
    assertThat(mailsAbout(proposal, "Overdue")).flatExtracting(Mails::to).doesNotContain("unodc-manager@unodc.org");
  }

  @Test
  void theThirdRevisionAlertsTheManagersOfBothAgencies() {
    ProcessInstance proposal = scenario.submitValid();
    for (int round = 1; round <= 3; round++) {
      scenario.review(proposal, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "Round " + round);
      scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
      Map<String, Object> revised = Proposals.valid();
      revised.put("revisionDecision", "RESUBMIT");
      scenario.complete("unodc-officer", scenario.task(proposal, "Task_ReviseProposal", null), revised);
    }
    scenario.runJobs();

    assertThat(mailsAbout(proposal, "revision loop")).flatExtracting(Mails::to)
        .containsExactlyInAnyOrder("unodc-manager@unodc.org", "iom-manager@iom.int");
    assertThat(only(mailsAbout(proposal, "revision loop"), "iom-manager@iom.int").text()).contains("Revision round: 3");
  }

  @Test
  void textTypedByUsersNeverBecomesMarkup() {
    ProcessInstance proposal = scenario.submit("unodc-officer",
        Proposals.with("title", "<script>alert('x')</script> & <b>bold</b>"));
    scenario.runJobs();

    Mails mail = mailsAbout(proposal, "Review proposal").get(0);
    assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<b>bold</b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void withTheMailServerDownWorkGoesOnAndEveryMailArrivesOnceWhenItReturns() {
    sink.stop();
    try {
      ProcessInstance proposal = scenario.submitValid();
      scenario.complete("unodc-reviewer", scenario.task(proposal, "Task_ReviewProposal", "UNODC"),
          Map.of("reviewDecision", "APPROVE"));
      scenario.complete("iom-reviewer", scenario.task(proposal, "Task_ReviewProposal", "IOM"),
          Map.of("reviewDecision", "APPROVE"));
      assertThat(scenario.runJobsCountingFailures()).as("e-mail jobs failing while the server is down").isPositive();
      assertThat(scenario.activity(proposal).getState().name()).isEqualTo("AWAITING_SIGNATURE");
      long pending = notifications.findByActivityReferenceOrderByIdAsc(proposal.getBusinessKey()).stream()
          .filter(n -> n.getSentAt() == null).count();
      // one per recipient: submitted and awaiting signature (the proposer and both focal points each),
      // two review tasks (one reviewer each), two signature tasks (three signatory levels each)
      assertThat(pending).isEqualTo(14);

      sink.start();
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(3, ChronoUnit.MINUTES)));
      scenario.runJobs();
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(30, ChronoUnit.MINUTES)));
      scenario.runJobs();

      List<Notification> recorded = notifications.findByActivityReferenceOrderByIdAsc(proposal.getBusinessKey());
      assertThat(recorded).allSatisfy(n -> assertThat(n.getSentAt()).isNotNull());
      assertThat(mailsAbout(proposal, "")).extracting(Mails::subject)
          .containsExactlyInAnyOrderElementsOf(recorded.stream().map(Notification::getSubject).toList());
    } finally {
      sink.start();
    }
  }

  @Test
  void afterAWeekendWithoutMailServerEveryMailStillGoesOutOnce() {
    sink.stop();
    try {
      ProcessInstance proposal = scenario.submitValid();
      assertThat(scenario.runJobsCountingFailures()).isPositive();
      assertThat(dueNow(proposal)).as("after a failure a mail waits before its next attempt").isEmpty();
      // Friday 18:00 to Monday 10:00, an attempt whenever one is due
      Instant clock = Instant.now();
      for (int hour = 1; hour <= 64; hour++) {
        clock = clock.plus(1, ChronoUnit.HOURS);
        ClockUtil.setCurrentTime(Date.from(clock));
        scenario.runJobsCountingFailures();
      }
      assertThat(gaveUp(proposal)).as("mails that gave up").isEmpty();

      sink.start();
      ClockUtil.setCurrentTime(Date.from(clock.plus(13, ChronoUnit.HOURS)));
      scenario.runJobs();
      assertThat(mailsAbout(proposal, "")).extracting(Mails::toString).containsExactlyInAnyOrder(
          proposal.getBusinessKey() + " is now in review — Joint training on victim identification at borders -> [" + LEAD_FOCAL_POINT + "]",
          proposal.getBusinessKey() + " is now in review — Joint training on victim identification at borders -> [" + PARTNER_FOCAL_POINT + "]",
          proposal.getBusinessKey() + " is now in review — Joint training on victim identification at borders -> [" + PROPOSER + "]",
          proposal.getBusinessKey() + ": Review proposal — Joint training on victim identification at borders -> [unodc-reviewer@unodc.org]",
          proposal.getBusinessKey() + ": Review proposal — Joint training on victim identification at borders -> [iom-reviewer@iom.int]");
    } finally {
      sink.start();
    }
  }

  @Test
  void mailsThatGaveUpAreShownToOperatorsAndAreSentAgainAllAtOnce() {
    sink.stop();
    try {
      ProcessInstance proposal = scenario.submitValid();
      scenario.runJobsCountingFailures();
      // every attempt of the schedule fails; none gives up before the last
      Instant clock = Instant.now();
      for (Duration wait : properties.retryDelays()) {
        assertThat(gaveUp(proposal)).isEmpty();
        clock = clock.plus(wait).plusSeconds(1);
        ClockUtil.setCurrentTime(Date.from(clock));
        scenario.runJobsCountingFailures();
      }
      sink.start();

      JsonNode status = http.withBasicAuth("admin", "demo").getForObject("/api/operations/notifications", JsonNode.class);
      List<JsonNode> failed = new ArrayList<>();
      status.get("failed").forEach(failed::add);
      List<JsonNode> ours = failed.stream().filter(f -> f.get("subject").asText().contains(proposal.getBusinessKey())).toList();
      // submitted (the proposer and both focal points) and the two review tasks, one mail per recipient
      assertThat(ours).hasSize(5);
      assertThat(ours.get(0).get("error").asText()).containsIgnoringCase("connect");
      assertThat(meters.get("ja.notifications.failed").gauge().value()).isGreaterThanOrEqualTo(5);
      assertThat(http.withBasicAuth("unodc-manager", "demo").getForEntity("/api/operations/notifications", String.class)
          .getStatusCode().value()).isEqualTo(403);
      assertThat(http.withBasicAuth("unodc-manager", "demo").postForEntity("/api/operations/notifications/retry-failed",
          null, String.class).getStatusCode().value()).isEqualTo(403);

      // one by itself, then all the others with one call
      http.withBasicAuth("admin", "demo").postForEntity(
          "/api/operations/notifications/" + ours.get(0).get("notificationId").asText() + "/retry", null, String.class);
      scenario.runJobsCountingFailures();
      assertThat(mailsAbout(proposal, "")).hasSize(1);
      JsonNode after = http.withBasicAuth("admin", "demo")
          .postForObject("/api/operations/notifications/retry-failed", null, JsonNode.class);
      assertThat(after.get("failed").toString()).doesNotContain(proposal.getBusinessKey());
      scenario.runJobsCountingFailures();
      assertThat(mailsAbout(proposal, "")).hasSize(5);
      assertThat(gaveUp(proposal)).isEmpty();
    } finally {
      sink.start();
    }
  }

  @Test
  void implementationIsAnnouncedAndReportsAreMailedRemindedAndEscalated() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    ProcessInstance activity = scenario.signedActivity(Proposals.valid());
    scenario.at("2027-01-01T00:00:00Z");
    scenario.at("2027-04-01T00:00:00Z");

    assertThat(mailsAbout(activity, "Submit progress report")).flatExtracting(Mails::to)
        .containsExactlyInAnyOrder("unodc-officer@unodc.org", "unodc-officer2@unodc.org");
    Mails report = only(mailsAbout(activity, "Submit progress report"), "unodc-officer2@unodc.org");
    assertThat(report.text())
        .contains("What is asked: A reporting period has ended: submit the progress report for UNODC (United Nations Office on Drugs and Crime)")
        .contains("Due: Wednesday 21 April 2027, 23:59 UTC")
        .contains(TASKLIST + scenario.task(activity, "Task_SubmitProgressReport", null).getId());

    scenario.at("2027-04-22T00:00:01Z");
    assertThat(mailsAbout(activity, "Overdue — ")).flatExtracting(Mails::to)
        .containsExactlyInAnyOrder("unodc-officer@unodc.org", "unodc-officer2@unodc.org");
    assertThat(only(mailsAbout(activity, "Overdue in your agency"), "unodc-manager@unodc.org").text())
        .contains("Waiting on: unodc-officers");

    interventions.suspend(activity.getBusinessKey(), "unodc-manager", "Security incident at the border");
    interventions.resume(activity.getBusinessKey(), "iom-manager", null);
    interventions.terminate(activity.getBusinessKey(), "iom-manager", "Host government withdrew consent");
    scenario.runJobs();

    assertThat(stateSubjects(activity)).containsSubsequence(
        activity.getBusinessKey() + " is now signed — Joint training on victim identification at borders",
        activity.getBusinessKey() + " is now active — Joint training on victim identification at borders",
        activity.getBusinessKey() + " is now suspended — Joint training on victim identification at borders",
        activity.getBusinessKey() + " is now active — Joint training on victim identification at borders",
        activity.getBusinessKey() + " is now terminated — Joint training on victim identification at borders");
    assertThat(mailsAbout(activity, "is now suspended")).flatExtracting(Mails::to)
        .containsExactlyInAnyOrder(PROPOSER, LEAD_FOCAL_POINT, PARTNER_FOCAL_POINT);
    Mails suspended = mailsAbout(activity, "is now suspended").get(0);
    assertThat(suspended.text()).contains("What happened: A manager suspended the activity",
        "By: UNODC Manager — Security incident at the border");
    assertThat(mailsAbout(activity, "is now terminated").get(0).text()).contains("By: IOM Manager — Host government withdrew consent");
  }

  @Test
  void anAmendmentAndTheClosureAreAnnounced() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    ProcessInstance activity = scenario.signedActivity(Proposals.valid());
    scenario.requestAmendment("iom-officer", Map.of("activityReference", activity.getBusinessKey(),
        "newEndDate", "2027-03-31", "justification", "Only one quarter is funded."));
    scenario.reviewAmendment(activity, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.reviewAmendment(activity, "iom-reviewer", "IOM", "APPROVE", null);
    scenario.sign(activity, "unodc-signatory-pm", "UNODC");
    scenario.sign(activity, "iom-signatory-pm", "IOM");
    assertThat(mailsAbout(activity, "is now amended and signed").get(0).text())
        .contains("What happened: Both agencies signed an amendment");

    scenario.at("2027-01-01T00:00:00Z");
    scenario.at("2027-04-01T00:00:00Z");
    scenario.submitReport(activity, "unodc-officer", Reports.valid(1));
    scenario.acceptReport(activity);
    assertThat(stateSubjects(activity)).containsSubsequence(
        activity.getBusinessKey() + " is now in final reporting — Joint training on victim identification at borders",
        activity.getBusinessKey() + " is now closed — Joint training on victim identification at borders");
  }

  /** The proposal's mails that ran out of attempts. */
  private List<NotificationOperations.FailedNotification> gaveUp(ProcessInstance proposal) {
    return operations.failed().stream().filter(failed -> failed.subject().contains(proposal.getBusinessKey())).toList();
  }

  /** The proposal's mails whose next attempt is due now. */
  private List<Notification> dueNow(ProcessInstance proposal) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return notifications.findByActivityReferenceOrderByIdAsc(proposal.getBusinessKey()).stream()
        .filter(n -> n.getNextAttemptAt() != null && !n.getNextAttemptAt().isAfter(now)).toList();
  }

  private List<Mails> mailsAbout(ProcessInstance proposal, String subjectPart) {
    return sink.received().stream().map(Mails::new)
        .filter(mail -> mail.subject().contains(proposal.getBusinessKey()) && mail.subject().contains(subjectPart))
        .toList();
  }

  /** The changes of state the lead focal point heard of, in order. */
  private List<String> stateSubjects(ProcessInstance proposal) {
    return stateSubjects(proposal, LEAD_FOCAL_POINT);
  }

  private List<String> stateSubjects(ProcessInstance proposal, String recipient) {
    return stateMails(proposal, recipient).stream().map(Mails::subject).toList();
  }

  private List<Mails> stateMails(ProcessInstance proposal, String recipient) {
    return mailsAbout(proposal, " is now ").stream().filter(mail -> mail.to().contains(recipient)).toList();
  }

  private static String subject(ProcessInstance proposal, String state) {
    return proposal.getBusinessKey() + " is now " + state + " — Joint training on victim identification at borders";
  }

  private static Mails only(List<Mails> mails, String recipient) {
    List<Mails> to = mails.stream().filter(mail -> mail.to().contains(recipient)).toList();
    assertThat(to).as("mails to %s among %s", recipient, mails).hasSize(1);
    return to.get(0);
  }
}
