package org.jointactivities.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.intervention.Interventions;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Reports;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The one joint review (process JointReview), as each of its three callers uses it: a task per party
 * agency in the called process, each decision a row of review_decision (one per subject, round and
 * agency, kept so by the database), the outcome routing the caller.
 */
@JointActivitiesTest
class JointReviewTest {

  @Autowired Scenario scenario;
  @Autowired JointReviews reviews;
  @Autowired ReviewDecisionRepository decisions;
  @Autowired RepositoryService repository;
  @Autowired Interventions interventions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aProposalIsReviewedInTheCalledReviewRoundByRound() {
    ProcessInstance proposal = scenario.submitValid();
    long activityId = scenario.activity(proposal).getId();
    assertThat(reviewTasks(proposal)).extracting(this::definitionKey).containsOnly("JointReview");

    scenario.review(proposal, "iom-reviewer", "IOM", "REQUEST_CHANGES", "Add a deliverable");
    scenario.review(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);
    assertThat(reviews.of("proposal", activityId, 1)).extracting(ReviewDecision::getAgency, ReviewDecision::getVerdict)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("IOM", Verdict.REQUEST_CHANGES),
            org.assertj.core.groups.Tuple.tuple("UNODC", Verdict.APPROVE));
    assertThat(reviews.outcome("proposal", activityId, 1)).isEqualTo("CHANGES_REQUESTED");
    assertThat(scenario.task(proposal, "Task_ReviseProposal", null)).isNotNull();

    Map<String, Object> revised = Proposals.valid();
    revised.put("revisionDecision", "RESUBMIT");
    scenario.complete("unodc-officer", scenario.task(proposal, "Task_ReviseProposal", null), revised);
    scenario.approveBoth(proposal);
    assertThat(reviews.of("proposal", activityId, 2)).hasSize(2).allMatch(d -> d.getVerdict() == Verdict.APPROVE);
    assertThat(reviews.of("proposal", activityId, 1)).as("round one is kept as it was").hasSize(2);
  }

  @Test
  void aSecondRoundsReviewersReadTheFirstRoundTheOtherAgencysDecisionAndWhatChanged() {
    ProcessInstance proposal = scenario.submitValid();
    Task iomFirst = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    assertThat(scenario.variable(iomFirst, "reviewHistory")).as("a first round has no history").isNull();
    assertThat(scenario.variable(iomFirst, "changesSinceLastRound")).isNull();
    assertThat(scenario.variable(iomFirst, "otherDecisions")).isNull();

    scenario.review(proposal, "iom-reviewer", "IOM", "REQUEST_CHANGES", "Add a deliverable on referral");
    Task unodcFirst = scenario.task(proposal, "Task_ReviewProposal", "UNODC");
    assertThat(scenario.variable(unodcFirst, "otherDecisions")).as("the decision reaches the other agency's open task")
        .isEqualTo("IOM, IOM Reviewer — request changes: Add a deliverable on referral");
    scenario.review(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);

    Map<String, Object> revised = Proposals.valid();
    revised.put("deliverables", "Training curriculum\nTwo regional workshops\nReferral guidelines");
    revised.put("revisionDecision", "RESUBMIT");
    scenario.complete("unodc-officer", scenario.task(proposal, "Task_ReviseProposal", null), revised);

    Task iomSecond = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    assertThat(scenario.variable(iomSecond, "reviewHistory")).isEqualTo(
        "Round 1 — IOM, IOM Reviewer — request changes: Add a deliverable on referral\n"
            + "Round 1 — UNODC, UNODC Reviewer — approve");
    assertThat(scenario.variable(iomSecond, "changesSinceLastRound")).as("field by field, by the form's labels")
        .isEqualTo("Deliverables: Training curriculum / Two regional workshops → "
            + "Training curriculum / Two regional workshops / Referral guidelines");
    assertThat(scenario.variable(iomSecond, "otherDecisions")).isNull();
  }

  @Test
  void aProgressReportIsReviewedOneRoundPerSubmission() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    ProcessInstance activity = scenario.signedActivity(Proposals.valid());
    scenario.at("2027-04-01T00:00:00Z");
    scenario.submitReport(activity, "unodc-officer", Reports.valid(1));
    Task review = scenario.task(activity, "Task_ReviewProgressReport", "IOM");
    assertThat(definitionKey(review)).isEqualTo("JointReview");
    long reportId = ((Number) scenario.variable(review, "subjectId")).longValue();

    scenario.reviewReport(activity, "iom-reviewer", "IOM", "SEND_BACK", "Break the expenditure down");
    scenario.reviewReport(activity, "unodc-reviewer", "UNODC", "ACCEPT", null);
    assertThat(reviews.outcome("progress-report", reportId, 1)).isEqualTo("CHANGES_REQUESTED");
    scenario.submitReport(activity, "unodc-officer", Reports.valid(1));
    scenario.acceptReport(activity);
    assertThat(reviews.of("progress-report", reportId, 2)).hasSize(2).allMatch(d -> d.getVerdict() == Verdict.APPROVE);
  }

  @Test
  void aManagersSuspensionHoldsTheReportsJointReviewAndMovesItsDeadline() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    ProcessInstance activity = scenario.signedActivity(Proposals.valid());
    scenario.at("2027-04-01T00:00:00Z");
    scenario.at("2027-04-02T09:00:00Z");
    scenario.submitReport(activity, "unodc-officer", Reports.valid(1));
    Task review = scenario.task(activity, "Task_ReviewProgressReport", "IOM");
    Instant due = review.getDueDate().toInstant();

    interventions.suspend(activity.getBusinessKey(), "unodc-manager", "Audit of the partner's accounts");
    assertThatThrownBy(() -> scenario.complete("iom-reviewer", review, Map.of("reviewDecision", "ACCEPT")))
        .isInstanceOf(ActionRefusedException.class).hasMessageContaining("A manager has suspended this activity");
    scenario.at("2027-04-14T09:00:00Z");
    assertThat(scenario.auditActions(activity)).doesNotContain(AuditAction.TASK_OVERDUE);

    scenario.at("2027-04-16T09:00:00Z");
    interventions.resume(activity.getBusinessKey(), "unodc-manager", null);
    assertThat(scenario.task(activity, "Task_ReviewProgressReport", "IOM").getDueDate().toInstant())
        .isEqualTo(due.plus(java.time.Duration.ofDays(14)));
    scenario.acceptReport(activity);
    assertThat(scenario.auditActions(activity)).contains(AuditAction.REPORT_LOCKED);
  }

  @Test
  void anAmendmentIsReviewedAndTheFirstRejectionEndsTheRound() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    ProcessInstance activity = scenario.signedActivity(Proposals.valid());
    ProcessInstance amendment = scenario.requestAmendment("iom-officer", Map.of(
        "activityReference", activity.getBusinessKey(), "newEndDate", "2028-03-31", "justification", "More time."));
    Task review = scenario.task(activity, "Task_ReviewAmendment", "UNODC");
    assertThat(definitionKey(review)).isEqualTo("JointReview");
    long amendmentId = ((Number) scenario.variable(review, "subjectId")).longValue();

    scenario.reviewAmendment(activity, "unodc-reviewer", "UNODC", "REJECT", "Not now");
    assertThat(reviews.of("amendment", amendmentId, 1)).singleElement()
        .satisfies(d -> assertThat(d.getVerdict()).isEqualTo(Verdict.REJECT));
    assertThat(scenario.openTasks(activity)).noneMatch(task -> "Review amendment".equals(task.getName()));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(amendment).isEnded();
  }

  @Test
  void theDatabaseKeepsOneDecisionPerSubjectRoundAndAgency() {
    ProcessInstance proposal = scenario.submitValid();
    long activityId = scenario.activity(proposal).getId();
    reviews.save(new ReviewDecision("proposal", activityId, 7, "IOM", activityId, "iom-reviewer", "APPROVE",
        Verdict.APPROVE, null, Instant.now()));
    assertThatThrownBy(() -> reviews.save(new ReviewDecision("proposal", activityId, 7, "IOM", activityId,
        "someone-else", "REJECT", Verdict.REJECT, "no", Instant.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(reviews.of("proposal", activityId, 7)).singleElement()
        .satisfies(d -> assertThat(d.getReviewer()).isEqualTo("iom-reviewer"));
  }

  private List<Task> reviewTasks(ProcessInstance proposal) {
    return scenario.openTasks(proposal).stream().filter(task -> "Review proposal".equals(task.getName())).toList();
  }

  private String definitionKey(Task task) {
    return repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
  }
}
