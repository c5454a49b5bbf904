package org.jointactivities.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jointactivities.activity.AuditAction.ACTIVITY_SIGNED;
import static org.jointactivities.activity.AuditAction.APPROVED;
import static org.jointactivities.activity.AuditAction.CHANGES_REQUESTED;
import static org.jointactivities.activity.AuditAction.DECLINED;
import static org.jointactivities.activity.AuditAction.MANAGERS_ALERTED;
import static org.jointactivities.activity.AuditAction.PROPOSAL_REJECTED;
import static org.jointactivities.activity.AuditAction.REJECTED;
import static org.jointactivities.activity.AuditAction.RETURNED_FOR_CHANGES;
import static org.jointactivities.activity.AuditAction.REVIEW_ROUND_OPENED;
import static org.jointactivities.activity.AuditAction.REVISED;
import static org.jointactivities.activity.AuditAction.SIGNATURE_REQUESTED;
import static org.jointactivities.activity.AuditAction.SIGNED;
import static org.jointactivities.activity.AuditAction.SUBMITTED;
import static org.jointactivities.activity.AuditAction.TASK_OVERDUE;
import static org.jointactivities.activity.AuditAction.WITHDRAWN;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.support.BeforeTheActivityStarts;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of the JointActivityProposal model, driven as the demo users would in Tasklist. */
@JointActivitiesTest
@ExtendWith(BeforeTheActivityStarts.class)
class JointActivityProposalProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired Scenario scenario;
  @Autowired Withdrawals withdrawals;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void approvedByBothAndSignedByBothBecomesSigned() {
    ProcessInstance proposal = scenario.submitValid();
    assertThat(proposal.getBusinessKey()).matches("JA-\\d{4}-\\d{4}");
    assertThat(proposal).isWaitingAt("CallActivity_ReviewProposal");
    assertThat(scenario.openTasks(proposal)).hasSize(2);

    scenario.approveBoth(proposal);
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.AWAITING_SIGNATURE);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.AWAITING_SIGNATURE);
    scenario.sign(proposal, "iom-signatory-director", "IOM");

    assertThat(proposal).isEnded().hasPassed("CallActivity_DualAgencySignOff").hasPassed("EndEvent_ActivitySigned");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.SIGNED);
    assertThat(scenario.activity(proposal).getSignedAt()).isNotNull();
    assertThat(scenario.auditActions(proposal)).containsExactly(SUBMITTED, REVIEW_ROUND_OPENED, APPROVED, APPROVED,
        SIGNATURE_REQUESTED, SIGNED, SIGNED, ACTIVITY_SIGNED);
    scenario.assertNoOpenTasks(proposal);
  }

  @Test
  void changesRequestedAreRevisedAndReviewedAgain() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.review(proposal, "iom-reviewer", "IOM", "REQUEST_CHANGES", "Add a gender-disaggregated indicator");

    assertThat(proposal).isWaitingAt("Task_ReviseProposal");
    Task revision = scenario.task(proposal, "Task_ReviseProposal", null);
    assertThat(revision.getAssignee()).isEqualTo("unodc-officer");
    assertThat(engine.getTaskService().getVariable(revision.getId(), "reviewFeedback").toString())
        .contains("IOM (iom-reviewer): Add a gender-disaggregated indicator");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.CHANGES_REQUESTED);

    Map<String, Object> revised = Proposals.with("indicators", "Officials trained | 0 | 120\nWomen among them | 0 | 60");
    revised.put("revisionDecision", "RESUBMIT");
    scenario.complete("unodc-officer", revision, revised);

    assertThat(proposal).isWaitingAt("CallActivity_ReviewProposal");
    assertThat(scenario.activity(proposal).getRevisionRound()).isEqualTo(1);
    assertThat(scenario.activity(proposal).getIndicators()).extracting(i -> i.getName())
        .containsExactly("Officials trained", "Women among them");
    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");

    assertThat(proposal).isEnded().hasPassed("Task_ReviseProposal", "EndEvent_ActivitySigned");
    assertThat(scenario.auditActions(proposal)).containsExactly(SUBMITTED, REVIEW_ROUND_OPENED, APPROVED,
        CHANGES_REQUESTED, RETURNED_FOR_CHANGES, REVISED, REVIEW_ROUND_OPENED, APPROVED, APPROVED, SIGNATURE_REQUESTED,
        SIGNED, SIGNED, ACTIVITY_SIGNED);
  }

  @Test
  void aRejectionEndsTheProposalAndCancelsTheOtherReview() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "iom-reviewer", "IOM", "REJECT", "Outside our mandate in this region");

    assertThat(proposal).isEnded().hasPassed("EndEvent_ProposalRejected").hasNotPassed("CallActivity_DualAgencySignOff");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.REJECTED);
    AuditEntry rejection = scenario.audit(proposal).stream().filter(e -> e.getAction() == REJECTED).findFirst().orElseThrow();
    assertThat(rejection.getActor()).isEqualTo("iom-reviewer");
    assertThat(rejection.getAgency()).isEqualTo("IOM");
    assertThat(rejection.getComment()).isEqualTo("Outside our mandate in this region");
    assertThat(scenario.auditActions(proposal)).endsWith(PROPOSAL_REJECTED);
    scenario.assertNoOpenTasks(proposal);
  }

  @Test
  void theProposerMayWithdrawInsteadOfRevising() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "Clarify the budget");
    scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);

    scenario.complete("unodc-officer", scenario.task(proposal, "Task_ReviseProposal", null),
        Map.of("revisionDecision", "WITHDRAW", "withdrawalReason", "Funding moved to another project"));

    assertThat(proposal).isEnded().hasPassed("EndEvent_WithdrawnOnRevision");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.WITHDRAWN);
    AuditEntry withdrawal = scenario.audit(proposal).get(scenario.audit(proposal).size() - 1);
    assertThat(withdrawal.getAction()).isEqualTo(WITHDRAWN);
    assertThat(withdrawal.getActor()).isEqualTo("unodc-officer");
    assertThat(withdrawal.getComment()).isEqualTo("Funding moved to another project");
  }

  @Test
  void theProposerMayWithdrawDuringSignOffWhichCancelsIt() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");

    withdrawals.withdraw(proposal.getBusinessKey(), "unodc-officer", "The partner's office closed");

    assertThat(proposal).isEnded().hasPassed("EndEvent_ProposalWithdrawn");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.WITHDRAWN);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("DualAgencySignOff").processInstanceBusinessKey(proposal.getBusinessKey()).count()).isZero();
    scenario.assertNoOpenTasks(proposal);
  }

  @Test
  void aDeclineCanSendTheProposalBackToReview() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    scenario.decline(proposal, "iom-signatory-pm", "IOM", "BACK_TO_REVIEW");

    assertThat(proposal).isWaitingAt("CallActivity_ReviewProposal").hasPassed("Gateway_ReturnToReview");
    assertThat(scenario.openTasks(proposal)).extracting(Task::getName)
        .containsOnly("Review proposal").hasSize(2);
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.IN_REVIEW);
    AuditEntry decline = scenario.audit(proposal).stream().filter(e -> e.getAction() == DECLINED).findFirst().orElseThrow();
    assertThat(decline.getFollowUp()).isEqualTo("BACK_TO_REVIEW");
    assertThat(decline.getComment()).isEqualTo("The budget lacks a breakdown");

    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");
    assertThat(proposal).isEnded().hasPassed("EndEvent_ActivitySigned");
  }

  @Test
  void aDeclineCanRejectTheProposal() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    scenario.decline(proposal, "unodc-signatory-head", "UNODC", "REJECT");

    assertThat(proposal).isEnded().hasPassed("EndEvent_ProposalRejected");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.REJECTED);
    scenario.assertNoOpenTasks(proposal);
  }

  @Test
  void theThirdRevisionRoundAlertsTheManagers() {
    ProcessInstance proposal = scenario.submitValid();
    for (int round = 1; round <= 3; round++) {
      scenario.review(proposal, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "Round " + round + ": more detail");
      scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
      Map<String, Object> revised = Proposals.with("summary", "Revised summary, round " + round);
      revised.put("revisionDecision", "RESUBMIT");
      scenario.complete("unodc-officer", scenario.task(proposal, "Task_ReviseProposal", null), revised);
      long alerts = scenario.auditActions(proposal).stream().filter(MANAGERS_ALERTED::equals).count();
      assertThat(alerts).as("alerts after revision round %d", round).isEqualTo(round < 3 ? 0 : 1);
    }
    assertThat(proposal).hasPassed("Task_AlertManagers").isWaitingAt("CallActivity_ReviewProposal");
    assertThat(scenario.activity(proposal).getRevisionRound()).isEqualTo(3);
  }

  @Test
  void overdueReviewsRevisionsAndSignaturesAreRecordedWhileTheTasksStayOpen() {
    Instant monday = Instant.parse("2026-11-23T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(monday));
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "UNODC");
    // five working days from a Monday: the end of the next Monday
    assertThat(review.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-30T23:59:59Z"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T08:00:00Z")));
    scenario.runJobs();
    assertThat(proposal).isWaitingAt("CallActivity_ReviewProposal");
    assertThat(scenario.audit(proposal)).filteredOn(e -> e.getAction() == TASK_OVERDUE)
        .extracting(AuditEntry::getAgency).containsExactlyInAnyOrder("UNODC", "IOM");

    scenario.review(proposal, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "Please add dates");
    scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-30T08:00:00Z")));
    scenario.runJobs();
    assertThat(proposal).isWaitingAt("Task_ReviseProposal");
    assertThat(scenario.audit(proposal)).filteredOn(e -> e.getAction() == TASK_OVERDUE)
        .filteredOn(e -> e.getComment().startsWith("'Revise proposal' was due")).singleElement()
        .satisfies(e -> assertThat(e.getAgency()).isEqualTo("UNODC"));

    Map<String, Object> revised = Proposals.valid();
    revised.put("revisionDecision", "RESUBMIT");
    scenario.complete("unodc-officer", scenario.task(proposal, "Task_ReviseProposal", null), revised);
    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-01T08:00:00Z")));
    scenario.runJobs();
    assertThat(scenario.task(proposal, "Task_SignActivity", "IOM")).isNotNull();
    assertThat(scenario.audit(proposal)).filteredOn(e -> e.getAction() == TASK_OVERDUE)
        .extracting(AuditEntry::getAgency).containsExactlyInAnyOrder("UNODC", "IOM", "UNODC", "IOM");
  }

  @Test
  void aHighRiskActivityNeedsHeadsOfAgencyToSign() {
    Map<String, Object> highRisk = new HashMap<>(Proposals.valid());
    highRisk.put("corruptionRisk", "HIGH");
    highRisk.put("riskMitigation", "Independent procurement oversight");
    ProcessInstance proposal = scenario.submit("unodc-officer", highRisk);
    scenario.approveBoth(proposal);

    Task unodc = scenario.task(proposal, "Task_SignActivity", "UNODC");
    assertThat(engine.getTaskService().getIdentityLinksForTask(unodc.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("unodc-signatories-head-of-agency");
    scenario.sign(proposal, "unodc-signatory-head", "UNODC");
    scenario.sign(proposal, "iom-signatory-head", "IOM");
    assertThat(proposal).isEnded().hasPassed("EndEvent_ActivitySigned");
  }
}
