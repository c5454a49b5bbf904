package org.jointactivities.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.proposal.Withdrawals;
import org.jointactivities.signoff.SignatureRepository;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.BeforeTheActivityStarts;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Four-eyes and role rules (PRODUCT.md §3) hold in the engine, whatever the caller's Camunda
 * rights: each forbidden step is refused with a message that says why, and changes nothing.
 */
@JointActivitiesTest
@ExtendWith(BeforeTheActivityStarts.class)
class FourEyesRulesTest {

  @Autowired Scenario scenario;
  @Autowired TaskService tasks;
  @Autowired SignatureRepository signatures;
  @Autowired Withdrawals withdrawals;

  @BeforeEach
  void peopleWithTwoHats() {
    // real organisations have them: an officer who also reviews, a signatory who also drafts
    scenario.person("unodc-officer-reviewer", "unodc-officers", "unodc-reviewers");
    scenario.person("unodc-officer-signatory", "unodc-officers", "unodc-signatories-head-of-agency");
    scenario.person("signatory-of-both", "unodc-signatories-director", "iom-signatories-director");
    // a Camunda administrator who is also a programme-manager signatory: Camunda lets them do
    // anything, the rules must not
    scenario.person("unodc-admin-pm", "camunda-admin", "unodc-signatories-programme-manager");
  }

  @Test
  void nobodyReviewsWhatTheyDrafted() {
    ProcessInstance proposal = scenario.submit("unodc-officer-reviewer", Proposals.valid());
    Task review = scenario.task(proposal, "Task_ReviewProposal", "UNODC");

    assertRefused(() -> scenario.claim("unodc-officer-reviewer", review), ActionRefusedException.class,
        "Four-eyes rule: unodc-officer-reviewer drafted, revised or asked to amend " + proposal.getBusinessKey() + " and so may not review it");
    assertRefused(() -> scenario.complete("unodc-officer-reviewer", review, Map.of("reviewDecision", "APPROVE")),
        ActionRefusedException.class, "and so may not review it");

    assertUnchanged(proposal, review);
  }

  @Test
  void nobodyReviewsForAnotherAgencyEvenWithAllCamundaRights() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "UNODC");

    assertRefused(() -> scenario.complete("admin", review, Map.of("reviewDecision", "APPROVE")), ActionRefusedException.class,
        "admin may not review " + proposal.getBusinessKey() + " for UNODC: that needs membership of unodc-reviewers");
    // without Camunda rights the engine refuses first
    assertThatThrownBy(() -> scenario.complete("iom-reviewer", review, Map.of("reviewDecision", "APPROVE")))
        .isInstanceOf(AuthorizationException.class);

    assertUnchanged(proposal, review);
  }

  @Test
  void aReviewNeedsADecisionAndAReasonForChangesOrRejection() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");

    assertRefused(() -> scenario.complete("iom-reviewer", review, Map.of("reviewDecision", "REQUEST_CHANGES")),
        InvalidInputException.class, "Review refused: reviewComment: is required when requesting changes: say what to change");
    assertRefused(() -> scenario.complete("iom-reviewer", review, Map.of("reviewDecision", "REJECT", "reviewComment", "  ")),
        InvalidInputException.class, "Review refused: reviewComment: is required when rejecting: give the reason");
    assertRefused(() -> scenario.complete("iom-reviewer", review, Map.of("reviewDecision", "MAYBE")),
        InvalidInputException.class, "Review refused: reviewDecision: must be APPROVE, REQUEST_CHANGES or REJECT");
    assertRefused(() -> scenario.complete("iom-reviewer", review, Map.of()),
        InvalidInputException.class, "Review refused: reviewDecision: is required: APPROVE, REQUEST_CHANGES or REJECT");

    assertUnchanged(proposal, review);
  }

  @Test
  void nobodySignsWhatTheyDrafted() {
    ProcessInstance proposal = scenario.submit("unodc-officer-signatory", Proposals.valid());
    scenario.approveBoth(proposal);
    Task signature = scenario.task(proposal, "Task_SignActivity", "UNODC");

    assertRefused(() -> scenario.complete("unodc-officer-signatory", signature, Map.of("signDecision", "SIGN", "signatureAttested", true)),
        ActionRefusedException.class, "Four-eyes rule: unodc-officer-signatory drafted, revised or asked to amend");

    assertUnchanged(proposal, signature);
    assertThat(signatures.findByActivityIdOrderByIdAsc(scenario.activity(proposal).getId())).isEmpty();
  }

  @Test
  void theTwoSignaturesComeFromTwoPeople() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    scenario.sign(proposal, "signatory-of-both", "UNODC");
    Task iom = scenario.task(proposal, "Task_SignActivity", "IOM");

    String rule = "Four-eyes rule: signatory-of-both already signed " + proposal.getBusinessKey()
        + " for UNODC; the other signature must come from another person";
    assertRefused(() -> scenario.claim("signatory-of-both", iom), ActionRefusedException.class, rule);
    assertRefused(() -> scenario.complete("signatory-of-both", iom, Map.of("signDecision", "SIGN", "signatureAttested", true)),
        ActionRefusedException.class, rule);

    assertUnchanged(proposal, iom);
    assertThat(signatures.findByActivityIdOrderByIdAsc(scenario.activity(proposal).getId())).hasSize(1);
    scenario.sign(proposal, "iom-signatory-pm", "IOM");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.SIGNED);
  }

  @Test
  void aSignatoryBelowTheRequiredLevelMayNotSign() {
    // 500 000 USD needs a director
    Map<String, Object> proposal = Proposals.with("totalBudget", 500000);
    proposal.put("leadContribution", 300000);
    proposal.put("partnerContribution", 200000);
    ProcessInstance instance = scenario.submit("unodc-officer", proposal);
    scenario.approveBoth(instance);
    Task signature = scenario.task(instance, "Task_SignActivity", "UNODC");

    assertRefused(() -> scenario.complete("unodc-admin-pm", signature, Map.of("signDecision", "SIGN", "signatureAttested", true)),
        ActionRefusedException.class, "unodc-admin-pm may not sign " + instance.getBusinessKey()
            + " for UNODC: that needs membership of unodc-signatories-director or unodc-signatories-head-of-agency");
    assertThatThrownBy(() -> scenario.complete("unodc-signatory-pm", signature, Map.of("signDecision", "SIGN", "signatureAttested", true)))
        .isInstanceOf(AuthorizationException.class);

    assertUnchanged(instance, signature);
    scenario.sign(instance, "unodc-signatory-director", "UNODC");
  }

  @Test
  void aDeclineNeedsAReasonAndAFollowUp() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    Task signature = scenario.task(proposal, "Task_SignActivity", "IOM");

    assertRefused(() -> scenario.complete("iom-signatory-pm", signature,
            Map.of("signDecision", "DECLINE", "declineFollowUp", "REJECT")),
        InvalidInputException.class, "Sign-off refused: declineReason: is required when declining: give the reason");
    assertRefused(() -> scenario.complete("iom-signatory-pm", signature,
            Map.of("signDecision", "DECLINE", "declineReason", "No budget breakdown")),
        InvalidInputException.class, "Sign-off refused: declineFollowUp: is required when declining: BACK_TO_REVIEW or REJECT");

    assertUnchanged(proposal, signature);
  }

  @Test
  void onlyTheProposerRevisesOrWithdraws() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "More detail please");
    scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
    Task revision = scenario.task(proposal, "Task_ReviseProposal", null);
    Map<String, Object> revised = Proposals.valid();
    revised.put("revisionDecision", "RESUBMIT");

    assertRefused(() -> scenario.complete("admin", revision, revised), ActionRefusedException.class,
        "Only the proposer (unodc-officer) may revise " + proposal.getBusinessKey() + ", not admin");
    assertRefused(() -> withdrawals.withdraw(proposal.getBusinessKey(), "unodc-officer2", "Not needed"),
        ActionRefusedException.class, "Only the proposer (unodc-officer) may withdraw");
    assertRefused(() -> withdrawals.withdraw(proposal.getBusinessKey(), "unodc-officer", " "),
        InvalidInputException.class, "Withdrawal refused: withdrawalReason: is required: say why the proposal is withdrawn");

    assertUnchanged(proposal, revision);
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.CHANGES_REQUESTED);
  }

  @Test
  void aRevisionIsValidatedLikeAProposalAndMayNotChangeTheParties() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "More detail please");
    scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
    Task revision = scenario.task(proposal, "Task_ReviseProposal", null);
    Map<String, Object> revised = Proposals.with("plannedEndDate", "2026-06-30");
    revised.put("partnerAgency", "UNODC");
    revised.put("revisionDecision", "RESUBMIT");

    assertRefused(() -> scenario.complete("unodc-officer", revision, revised), InvalidInputException.class,
        "Proposal refused: partnerAgency: must differ from the lead agency; "
            + "partnerAgency: cannot change in a revision (was IOM); "
            + "partnerFocalPoint: 'iom-reviewer' is not a reviewer (focal point) of UNODC: no member of group unodc-reviewers; "
            + "plannedEndDate: must be after the planned start date (2027-01-01)");

    assertUnchanged(proposal, revision);
    assertThat(scenario.activity(proposal).getRevisionRound()).isZero();
    assertThat(scenario.activity(proposal).getPlannedEndDate()).hasToString("2027-12-31");
  }

  @Test
  void aSignedActivityCanNoLongerBeWithdrawn() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");

    assertThatThrownBy(() -> withdrawals.withdraw(proposal.getBusinessKey(), "unodc-officer", "Too late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(proposal.getBusinessKey() + " is SIGNED and can no longer be withdrawn");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.SIGNED);
  }

  /** Refused by the rule itself: its exception, its message (not the engine's wrapping of a listener failure). */
  private static void assertRefused(ThrowingCallable attempt, Class<? extends Throwable> rule, String message) {
    assertThatThrownBy(attempt).isInstanceOf(rule).hasMessageContaining(message);
  }

  /** The task is still open and unclaimed, the activity's state and audit trail as before the attempt. */
  private void assertUnchanged(ProcessInstance proposal, Task task) {
    Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(now).as("task still open").isNotNull();
    assertThat(now.getAssignee()).isEqualTo(task.getAssignee());
    List<AuditAction> actions = scenario.auditActions(proposal);
    assertThat(actions.get(actions.size() - 1)).as("no decision recorded")
        .isIn(AuditAction.REVIEW_ROUND_OPENED, AuditAction.SIGNATURE_REQUESTED, AuditAction.SIGNED,
            AuditAction.RETURNED_FOR_CHANGES);
  }
}
