package org.jointactivities.amendment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jointactivities.activity.AuditAction.ACTIVITY_AMENDED;
import static org.jointactivities.activity.AuditAction.AMENDMENT_APPROVED;
import static org.jointactivities.activity.AuditAction.AMENDMENT_REFUSED;
import static org.jointactivities.activity.AuditAction.AMENDMENT_REJECTED;
import static org.jointactivities.activity.AuditAction.AMENDMENT_REQUESTED;
import static org.jointactivities.activity.AuditAction.AMENDMENT_SIGNATURE_REQUESTED;
import static org.jointactivities.activity.AuditAction.DECLINED;
import static org.jointactivities.activity.AuditAction.SIGNED;
import static org.jointactivities.activity.AuditAction.TASK_OVERDUE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.intervention.Interventions;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of the ActivityAmendment model, and every way a request can be wrong: the activity
 * of {@link Proposals#valid()} (2027, 90 000 USD), signed on 30 November 2026.
 */
@JointActivitiesTest
class ActivityAmendmentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired Scenario scenario;
  @Autowired Amendments amendments;
  @Autowired Interventions interventions;

  ProcessInstance proposal;

  @BeforeEach
  void signedActivity() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    proposal = scenario.signedActivity(Proposals.valid());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aBudgetIncreaseIsSignedAtTheLevelItsNewBudgetNeeds() {
    ProcessInstance amendment = request("iom-officer", Map.of("newTotalBudget", 500000, "newLeadContribution", 300000,
        "newPartnerContribution", 200000.0, "justification", "A third country joins."));
    approveBoth();
    // 500 000 USD needs a director: the task is not even offered to a programme manager any more
    assertThatThrownBy(() -> scenario.sign(proposal, "unodc-signatory-pm", "UNODC"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("'unodc-signatory-pm' does not have");
    scenario.sign(proposal, "unodc-signatory-director", "UNODC");
    scenario.sign(proposal, "iom-signatory-head", "IOM");

    assertThat(amendment).isEnded().hasPassed("EndEvent_AmendmentApplied");
    var activity = scenario.activity(proposal);
    assertThat(activity.getTotalBudget()).isEqualByComparingTo("500000");
    assertThat(activity.getLeadContribution()).isEqualByComparingTo("300000");
    Amendment applied = amendments.forActivity(activity.getId()).get(0);
    assertThat(applied.getStatus()).isEqualTo(AmendmentStatus.APPLIED);
    assertThat(applied.getPreviousTotalBudget()).isEqualByComparingTo("90000");
    assertThat(applied.getPreviousPartnerContribution()).isEqualByComparingTo("30000");
    assertThat(applied.getPreviousEndDate()).isNull();
    assertThat(engine.getRuntimeService().getVariable(scenario.implementation(proposal).getId(), "totalBudget"))
        .isEqualTo(500000.0);
    assertThat(scenario.auditActions(proposal)).containsSubsequence(AMENDMENT_REQUESTED, AMENDMENT_APPROVED,
        AMENDMENT_APPROVED, AMENDMENT_SIGNATURE_REQUESTED, SIGNED, SIGNED, ACTIVITY_AMENDED);
  }

  @Test
  void aRejectionInReviewRefusesTheAmendmentAndFreesTheWayForAnother() {
    ProcessInstance amendment = request("unodc-officer2", Map.of("newEndDate", "2028-06-30", "justification", "More time."));
    scenario.reviewAmendment(proposal, "iom-reviewer", "IOM", "REJECT", "The extension has no budget.");

    assertThat(amendment).isEnded().hasPassed("EndEvent_AmendmentRefused").hasNotPassed("CallActivity_DualAgencySignOff");
    assertThat(scenario.openTasks(proposal)).isEmpty();
    assertThat(scenario.activity(proposal).getPlannedEndDate()).isEqualTo(LocalDate.parse("2027-12-31"));
    assertThat(amendments.forActivity(scenario.activity(proposal).getId())).singleElement()
        .satisfies(a -> assertThat(a.getStatus()).isEqualTo(AmendmentStatus.REJECTED));
    assertThat(scenario.auditActions(proposal)).containsSubsequence(AMENDMENT_REQUESTED, AMENDMENT_REJECTED, AMENDMENT_REFUSED);

    ProcessInstance next = request("unodc-officer2", Map.of("newEndDate", "2028-03-31", "justification", "A shorter extension."));
    assertThat(next).isWaitingAt("CallActivity_ReviewAmendment");
  }

  @Test
  void aDeclineSendsTheAmendmentBackToReviewAndItIsSignedThen() {
    ProcessInstance amendment = request("iom-officer", Map.of("newEndDate", "2028-03-31", "justification", "More time."));
    approveBoth();
    scenario.decline(proposal, "unodc-signatory-pm", "UNODC", "BACK_TO_REVIEW");
    assertThat(amendment).isWaitingAt("CallActivity_ReviewAmendment");
    assertThat(engine.getRuntimeService().getVariable(amendment.getId(), "amendmentReviewRound")).isEqualTo(2);

    approveBoth();
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");
    assertThat(amendment).isEnded().hasPassed("EndEvent_AmendmentApplied");
    assertThat(scenario.activity(proposal).getPlannedEndDate()).isEqualTo(LocalDate.parse("2028-03-31"));
  }

  @Test
  void aDeclineWithRejectionRefusesTheAmendment() {
    ProcessInstance amendment = request("iom-officer", Map.of("newEndDate", "2028-03-31", "justification", "More time."));
    approveBoth();
    scenario.decline(proposal, "iom-signatory-pm", "IOM", "REJECT");

    assertThat(amendment).isEnded().hasPassed("Gateway_AmendmentRefused", "EndEvent_AmendmentRefused");
    assertThat(scenario.activity(proposal).getPlannedEndDate()).isEqualTo(LocalDate.parse("2027-12-31"));
    assertThat(scenario.auditActions(proposal)).containsSubsequence(DECLINED, AMENDMENT_REFUSED);
  }

  @Test
  void anOverdueAmendmentReviewIsRecorded() {
    ProcessInstance amendment = request("iom-officer", Map.of("newEndDate", "2028-03-31", "justification", "More time."));
    scenario.at("2026-12-08T00:00:01Z");
    assertThat(amendment).isWaitingAt("CallActivity_ReviewAmendment");
    assertThat(scenario.audit(proposal)).filteredOn(e -> e.getAction() == TASK_OVERDUE).hasSize(2);
  }

  @Test
  void aSuspendedActivityCanBeAmendedAndGoesOnWithTheNewDatesWhenResumed() {
    scenario.at("2027-02-01T00:00:00Z");
    interventions.suspend(proposal.getBusinessKey(), "unodc-manager", "Border posts closed");
    ProcessInstance amendment = request("unodc-officer", Map.of("newEndDate", "2028-03-31",
        "justification", "The closure costs a quarter."));
    approveBoth();
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");
    assertThat(amendment).isEnded().hasPassed("EndEvent_AmendmentApplied");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.SUSPENDED);
    assertThat(scenario.activity(proposal).getPlannedEndDate()).isEqualTo(LocalDate.parse("2028-03-31"));

    scenario.at("2027-03-01T00:00:00Z");
    interventions.resume(proposal.getBusinessKey(), "unodc-manager", null);
    scenario.at("2027-04-01T00:00:00Z");
    assertThat(scenario.task(proposal, "Task_SubmitProgressReport", null)).isNotNull();
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.ACTIVE);
  }

  @Test
  void anAmendmentThatTimeOvertookWhileItWasSignedLapses() {
    scenario.at("2027-03-05T09:00:00Z");
    ProcessInstance amendment = request("iom-officer", Map.of("newEndDate", "2027-03-20",
        "justification", "Funding ends early."));
    approveBoth();
    scenario.at("2027-04-15T09:00:00Z");
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");

    assertThat(amendment).isEnded().hasPassed("Task_ApplyAmendment", "EndEvent_AmendmentLapsed")
        .hasNotPassed("EndEvent_AmendmentApplied");
    assertThat(scenario.activity(proposal).getPlannedEndDate()).isEqualTo(LocalDate.parse("2027-12-31"));
    assertThat(amendments.forActivity(scenario.activity(proposal).getId())).singleElement()
        .satisfies(a -> assertThat(a.getStatus()).isEqualTo(AmendmentStatus.REJECTED));
    assertThat(scenario.audit(proposal)).filteredOn(e -> e.getAction() == AMENDMENT_REFUSED).singleElement()
        .satisfies(e -> assertThat(e.getComment()).isEqualTo(
            "Signed, but no longer applicable: newEndDate: must not lie in the past (today is 2027-04-15)"));
    // the reporting goes on as agreed
    assertThat(scenario.task(proposal, "Task_SubmitProgressReport", null)).isNotNull();
  }

  @Test
  void anEndDateInThePastIsRefused() {
    scenario.at("2027-06-01T09:00:00Z");
    assertThatThrownBy(() -> request("iom-officer", Map.of("newEndDate", "2027-05-01", "justification", "Stop early.")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Amendment refused: newEndDate: must not lie in the past (today is 2027-06-01)");
    assertThat(amendments.forActivity(scenario.activity(proposal).getId())).isEmpty();
  }

  @Test
  void reviewersSeeWhatChangesAndWhy() {
    request("iom-officer", Map.of("newEndDate", "2028-03-31", "justification", "Border posts closed for six weeks."));
    var task = scenario.task(proposal, "Task_ReviewAmendment", "UNODC");
    assertThat((String) scenario.variable(task, "amendmentSummary"))
        .contains("Amendment 1 of " + proposal.getBusinessKey())
        .contains("planned end date 2027-12-31 → 2028-03-31")
        .contains("Justification: Border posts closed for six weeks.");
    assertThat(scenario.variable(task, "title")).isEqualTo(Proposals.valid().get("title"));
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(Map.of("newEndDate", "2028-03-31"), "justification: is required"),
        Arguments.of(Map.of("justification", "Nothing really."), "no change requested"),
        Arguments.of(Map.of("newEndDate", "2027-12-31", "justification", "Same date."), "no change requested"),
        Arguments.of(Map.of("newEndDate", "2026-12-31", "justification", "x"), "newEndDate: the end date (2026-12-31) must be after the start date (2027-01-01)"),
        Arguments.of(Map.of("newEndDate", "2033-01-01", "justification", "x"), "newEndDate: must be at most 5 years after the start date"),
        Arguments.of(Map.of("newEndDate", "31/12/2028", "justification", "x"), "newEndDate: must be a date written YYYY-MM-DD"),
        Arguments.of(Map.of("newStartDate", "2026-11-01", "justification", "x"), "newStartDate: must not lie in the past"),
        Arguments.of(Map.of("newTotalBudget", 100000, "justification", "x"), "newLeadContribution: is required when the budget changes"),
        Arguments.of(Map.of("newTotalBudget", 100000, "newLeadContribution", 60000, "newPartnerContribution", 30000,
            "justification", "x"), "newTotalBudget: must equal the two contributions together (90000)"),
        Arguments.of(Map.of("newTotalBudget", -5, "newLeadContribution", -5, "newPartnerContribution", 0,
            "justification", "x"), "newTotalBudget: must be positive"),
        Arguments.of(Map.of("newTotalBudget", 100.01, "newLeadContribution", 50.005, "newPartnerContribution", 50.005,
            "justification", "x"), "newLeadContribution: must have at most two decimals"),
        Arguments.of(Map.of("newTotalBudget", "lots", "newLeadContribution", 1, "newPartnerContribution", 1,
            "justification", "x"), "newTotalBudget: must be a number, not 'lots'"),
        Arguments.of(Map.of("newObjectives", "x".repeat(4001), "justification", "x"), "newObjectives: must be at most 4000 characters"),
        Arguments.of(Map.of("newObjectives", "Bell\u0007", "justification", "x"), "newObjectives: must not contain control characters"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void aBadRequestIsRefusedWholeNamingTheFieldAndRule(Map<String, Object> values, String message) {
    long instancesBefore = amendmentInstances();
    assertThatThrownBy(() -> request("iom-officer", values))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    assertThat(amendments.forActivity(scenario.activity(proposal).getId())).isEmpty();
    assertThat(amendmentInstances()).isEqualTo(instancesBefore);
    assertThat(scenario.auditActions(proposal)).doesNotContain(AMENDMENT_REQUESTED);
  }

  @Test
  void anUnknownReferenceIsRefused() {
    assertThatThrownBy(() -> scenario.requestAmendment("iom-officer", Map.of("activityReference", "JA-1999-9999",
        "newEndDate", "2028-03-31", "justification", "x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("activityReference: no joint activity has the reference JA-1999-9999");
    assertThatThrownBy(() -> scenario.requestAmendment("iom-officer", Map.of("activityReference", "<script>",
        "justification", "x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("activityReference: is required");
  }

  @Test
  void onlyAProgrammeOfficerMayRequestOne() {
    assertThatThrownBy(() -> request("iom-reviewer", Map.of("newEndDate", "2028-03-31", "justification", "x")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("'iom-reviewer' does not have 'CREATE' permission");
    assertThat(amendments.forActivity(scenario.activity(proposal).getId())).isEmpty();
  }

  @Test
  void oneAmendmentAtATime() {
    request("iom-officer", Map.of("newEndDate", "2028-03-31", "justification", "More time."));
    assertThatThrownBy(() -> request("unodc-officer", Map.of("newEndDate", "2028-06-30", "justification", "Even more.")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("activityReference: " + proposal.getBusinessKey() + " already has amendment 1 in progress");
    assertThat(amendments.forActivity(scenario.activity(proposal).getId())).hasSize(1);
  }

  @Test
  void onlyASignedActiveOrSuspendedActivityCanBeAmended() {
    ProcessInstance inReview = scenario.submitValid();
    assertThatThrownBy(() -> scenario.requestAmendment("iom-officer", Map.of("activityReference", inReview.getBusinessKey(),
        "newEndDate", "2028-03-31", "justification", "x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is IN_REVIEW; only a signed, active or suspended");
  }

  @Test
  void theStartDateOfAStartedActivityCannotChange() {
    scenario.at("2027-01-01T00:00:00Z");
    assertThatThrownBy(() -> request("iom-officer", Map.of("newStartDate", "2027-03-01", "justification", "x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("newStartDate: cannot change: the activity started on 2027-01-01");
  }

  @Test
  void whoAskedForTheAmendmentNeitherReviewsNorSignsIt() {
    scenario.person("iom-officer-reviewer", "iom-officers", "iom-reviewers");
    request("iom-officer-reviewer", Map.of("newEndDate", "2028-03-31", "justification", "More time."));
    var review = scenario.task(proposal, "Task_ReviewAmendment", "IOM");
    assertThatThrownBy(() -> scenario.claim("iom-officer-reviewer", review))
        .isInstanceOf(ActionRefusedException.class).hasMessageContaining("Four-eyes rule: iom-officer-reviewer");
    assertThatThrownBy(() -> scenario.complete("unodc-reviewer", scenario.task(proposal, "Task_ReviewAmendment", "UNODC"),
        Map.of("reviewDecision", "REJECT")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reviewComment: is required when rejecting");
    assertThatThrownBy(() -> scenario.complete("unodc-reviewer", scenario.task(proposal, "Task_ReviewAmendment", "UNODC"),
        Map.of("reviewDecision", "MAYBE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reviewDecision: must be APPROVE or REJECT");
    assertThat(scenario.auditActions(proposal)).doesNotContain(AMENDMENT_APPROVED, AMENDMENT_REJECTED);
  }

  private ProcessInstance request(String officer, Map<String, Object> values) {
    Map<String, Object> form = new HashMap<>(values);
    form.put("activityReference", proposal.getBusinessKey());
    return scenario.requestAmendment(officer, form);
  }

  private void approveBoth() {
    scenario.reviewAmendment(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.reviewAmendment(proposal, "iom-reviewer", "IOM", "APPROVE", null);
  }

  private long amendmentInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("ActivityAmendment").count();
  }
}
