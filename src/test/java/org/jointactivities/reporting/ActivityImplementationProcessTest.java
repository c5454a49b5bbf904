package org.jointactivities.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jointactivities.activity.AuditAction.ACTIVATED;
import static org.jointactivities.activity.AuditAction.ACTIVITY_AMENDED;
import static org.jointactivities.activity.AuditAction.CLOSED;
import static org.jointactivities.activity.AuditAction.FINAL_REPORT_DUE;
import static org.jointactivities.activity.AuditAction.REPORT_DUE;
import static org.jointactivities.activity.AuditAction.REPORT_LOCKED;
import static org.jointactivities.activity.AuditAction.REPORT_RETURNED;
import static org.jointactivities.activity.AuditAction.RESUMED;
import static org.jointactivities.activity.AuditAction.SUSPENDED;
import static org.jointactivities.activity.AuditAction.TASK_OVERDUE;
import static org.jointactivities.activity.AuditAction.TERMINATED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.activity.TestActivities;
import org.jointactivities.amendment.Amendment;
import org.jointactivities.amendment.AmendmentStatus;
import org.jointactivities.amendment.Amendments;
import org.jointactivities.intervention.Interventions;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Reports;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ActivityImplementation model with the engine's clock under the test's control: a one-year
 * quarterly activity (2027) from signature to closure, and each other path.
 */
@JointActivitiesTest
class ActivityImplementationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired Scenario scenario;
  @Autowired ProgressReports reports;
  @Autowired Amendments amendments;
  @Autowired Interventions interventions;
  @Autowired ImplementationBackfill backfill;
  @Autowired JointActivityRepository activities;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aQuarterlyYearRunsFromSignatureToClosureThroughSendBackAmendmentAndSuspension() {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    ProcessInstance activity = scenario.implementation(proposal);
    assertThat(activity).isWaitingAt("TimerEvent_PlannedStartReached");
    assertThat(state(proposal)).isEqualTo(ActivityState.SIGNED);
    assertThat(ReportingSchedule.periods(scenario.activity(proposal))).extracting(ReportingPeriod::end).containsExactly(
        LocalDate.parse("2027-03-31"), LocalDate.parse("2027-06-30"), LocalDate.parse("2027-09-30"), LocalDate.parse("2027-12-31"));

    // the start date comes: active, the first quarter runs
    scenario.at("2026-12-31T23:00:00Z");
    assertThat(activity).isWaitingAt("TimerEvent_PlannedStartReached");
    scenario.at("2027-01-01T00:00:00Z");
    assertThat(state(proposal)).isEqualTo(ActivityState.ACTIVE);
    assertThat(activity).isWaitingAt("TimerEvent_ReportingPeriodEnded");

    // Q1 ends: the lead agency's officers owe a report, due 15 working days after 31 March
    scenario.at("2027-04-01T00:00:00Z");
    Task report1 = scenario.task(activity, "Task_SubmitProgressReport", null);
    assertThat(report1.getDueDate().toInstant()).isEqualTo(Instant.parse("2027-04-21T23:59:59Z"));
    assertThat(engine.getTaskService().getIdentityLinksForTask(report1.getId()))
        .anyMatch(link -> "unodc-officers".equals(link.getGroupId()));

    // submitted, sent back by IOM with feedback, revised, then accepted by both and locked
    scenario.submitReport(activity, "unodc-officer", Reports.valid(1));
    scenario.reviewReport(activity, "unodc-reviewer", "UNODC", "ACCEPT", null);
    scenario.reviewReport(activity, "iom-reviewer", "IOM", "SEND_BACK", "Break the expenditure down by workshop.");
    Task revision = scenario.task(activity, "Task_SubmitProgressReport", null);
    assertThat(engine.getTaskService().getVariable(revision.getId(), "reviewerFeedback"))
        .isEqualTo("IOM (iom-reviewer): Break the expenditure down by workshop.");
    assertThat(engine.getTaskService().getVariable(revision.getId(), "narrative")).isEqualTo(Reports.valid(1).get("narrative"));
    scenario.submitReport(activity, "unodc-officer2", Reports.with(1, "narrative", "Workshop 1: 7 000; workshop 2: 5 000."));
    scenario.acceptReport(activity);
    ProgressReport first = reports.forActivity(scenario.activity(proposal).getId()).get(0);
    assertThat(first.getStatus()).isEqualTo(ReportStatus.ACCEPTED);
    assertThat(first.getSubmissions()).isEqualTo(2);
    assertThat(first.getSubmittedBy()).isEqualTo("unodc-officer2");
    assertThat(activity).isWaitingAt("TimerEvent_ReportingPeriodEnded");

    // mid-way, IOM asks to extend the end date by a quarter; both review, both sign
    scenario.at("2027-05-10T09:00:00Z");
    ProcessInstance amendment = scenario.requestAmendment("iom-officer", Map.of("activityReference", proposal.getBusinessKey(),
        "newEndDate", "2028-03-31", "justification", "Border posts closed for six weeks; a fifth quarter completes the training."));
    assertThat(amendment.getBusinessKey()).isEqualTo(proposal.getBusinessKey());
    scenario.reviewAmendment(activity, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.reviewAmendment(activity, "iom-reviewer", "IOM", "APPROVE", null);
    scenario.sign(activity, "unodc-signatory-pm", "UNODC");
    scenario.sign(activity, "iom-signatory-pm", "IOM");
    assertThat(amendment).isEnded().hasPassed("CallActivity_DualAgencySignOff", "Task_ApplyAmendment", "EndEvent_AmendmentApplied");
    assertThat(scenario.activity(proposal).getPlannedEndDate()).isEqualTo(LocalDate.parse("2028-03-31"));
    Amendment applied = amendments.forActivity(scenario.activity(proposal).getId()).get(0);
    assertThat(applied.getPreviousEndDate()).isEqualTo(LocalDate.parse("2027-12-31"));
    assertThat(applied.getNewEndDate()).isEqualTo(LocalDate.parse("2028-03-31"));
    assertThat(ReportingSchedule.periods(scenario.activity(proposal))).hasSize(5);

    // a manager suspends over the end of Q2: no report falls due until resumption
    scenario.at("2027-06-15T09:00:00Z");
    interventions.suspend(proposal.getBusinessKey(), "unodc-manager", "Security incident at the border posts");
    assertThat(state(proposal)).isEqualTo(ActivityState.SUSPENDED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(activity.getId()).singleResult()
        .isSuspended()).isTrue();
    scenario.at("2027-07-05T09:00:00Z");
    assertThat(scenario.openTasks(activity)).isEmpty();
    scenario.at("2027-07-20T09:00:00Z");
    interventions.resume(proposal.getBusinessKey(), "iom-manager", null);
    scenario.runJobs();
    assertThat(state(proposal)).isEqualTo(ActivityState.ACTIVE);
    // the report's 15 working days count from the resumption, not from 30 June
    assertThat(scenario.task(activity, "Task_SubmitProgressReport", null).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2027-08-10T23:59:59Z"));
    scenario.submitReport(activity, "unodc-officer", Reports.valid(2));
    scenario.acceptReport(activity);

    // Q3 and Q4 as usual; the schedule now has a fifth quarter
    scenario.at("2027-10-01T00:00:00Z");
    scenario.submitReport(activity, "unodc-officer", Reports.valid(3));
    scenario.acceptReport(activity);
    scenario.at("2028-01-01T00:00:00Z");
    assertThat(state(proposal)).isEqualTo(ActivityState.ACTIVE);
    scenario.submitReport(activity, "unodc-officer", Reports.valid(4));
    scenario.acceptReport(activity);

    // the end date: the final report; both accept it and the activity is closed
    scenario.at("2028-04-01T00:00:00Z");
    assertThat(state(proposal)).isEqualTo(ActivityState.FINAL_REPORTING);
    scenario.submitReport(activity, "unodc-officer", Reports.valid(5));
    scenario.acceptReport(activity);

    assertThat(activity).isEnded().hasPassed("Task_CloseActivity", "EndEvent_ActivityClosed");
    assertThat(state(proposal)).isEqualTo(ActivityState.CLOSED);
    assertThat(scenario.activity(proposal).getEndedAt()).isEqualTo(Instant.parse("2028-04-01T00:00:00Z"));
    List<ProgressReport> all = reports.forActivity(scenario.activity(proposal).getId());
    assertThat(all).extracting(ProgressReport::getPeriodNumber).containsExactly(1, 2, 3, 4, 5);
    assertThat(all).allMatch(r -> r.getStatus() == ReportStatus.ACCEPTED);
    assertThat(all).extracting(ProgressReport::isFinalReport).containsExactly(false, false, false, false, true);
    assertThat(scenario.auditActions(proposal)).containsSubsequence(ACTIVATED, REPORT_DUE, REPORT_RETURNED, REPORT_LOCKED,
        ACTIVITY_AMENDED, SUSPENDED, RESUMED, REPORT_DUE, REPORT_LOCKED, FINAL_REPORT_DUE, REPORT_LOCKED, CLOSED);
    assertThat(scenario.openTasks(proposal)).isEmpty();
  }

  @Test
  void aLateReportHoldsUpNoOtherAndTheActivityClosesWhenAllAreAccepted() {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    ProcessInstance activity = scenario.implementation(proposal);
    scenario.at("2027-04-01T00:00:00Z");
    // nobody reports on Q1; Q2 ends all the same, and only Q1's report is overdue
    scenario.at("2027-07-01T00:00:00Z");
    assertThat(reportTasks(activity)).hasSize(2);
    assertThat(scenario.audit(proposal)).filteredOn(e -> e.getAction() == TASK_OVERDUE).singleElement()
        .satisfies(e -> assertThat(e.getComment()).contains("2027-04-21T23:59:59Z"));
    scenario.at("2027-10-01T00:00:00Z");
    scenario.at("2028-01-01T00:00:00Z");
    assertThat(state(proposal)).isEqualTo(ActivityState.FINAL_REPORTING);
    assertThat(reportTasks(activity)).hasSize(4);

    // the final report first: the activity stays open while earlier reports are outstanding
    submitReportOn(activity, 4);
    scenario.acceptReport(activity);
    assertThat(activity).isNotEnded();
    assertThat(state(proposal)).isEqualTo(ActivityState.FINAL_REPORTING);
    for (int period = 1; period <= 3; period++) {
      submitReportOn(activity, period);
      scenario.acceptReport(activity);
    }

    assertThat(activity).isEnded().hasPassed("Task_CloseActivity", "EndEvent_ActivityClosed");
    assertThat(state(proposal)).isEqualTo(ActivityState.CLOSED);
    assertThat(reports.forActivity(scenario.activity(proposal).getId())).extracting(ProgressReport::getStatus)
        .containsOnly(ReportStatus.ACCEPTED);
  }

  @Test
  void anActivitySignedAfterItsStartDateIsActiveAtOnce() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-15T09:00:00Z")));
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());

    assertThat(state(proposal)).isEqualTo(ActivityState.ACTIVE);
    assertThat(scenario.activity(proposal).getActivatedAt()).isEqualTo(Instant.parse("2027-02-15T09:00:00Z"));
    assertThat(scenario.implementation(proposal)).hasPassed("Task_ActivateActivity").isWaitingAt("TimerEvent_ReportingPeriodEnded");
  }

  @Test
  void aMovedStartDateMovesTheActivation() {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    ProcessInstance activity = scenario.implementation(proposal);
    scenario.requestAmendment("unodc-officer2", Map.of("activityReference", proposal.getBusinessKey(),
        "newStartDate", "2027-02-01", "justification", "The partner's staff arrive a month later."));
    scenario.reviewAmendment(activity, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.reviewAmendment(activity, "iom-reviewer", "IOM", "APPROVE", null);
    scenario.sign(activity, "unodc-signatory-pm", "UNODC");
    scenario.sign(activity, "iom-signatory-pm", "IOM");

    scenario.at("2027-01-15T09:00:00Z");
    assertThat(state(proposal)).isEqualTo(ActivityState.SIGNED);
    scenario.at("2027-02-01T00:00:00Z");
    assertThat(state(proposal)).isEqualTo(ActivityState.ACTIVE);
    // four quarters from 1 February, the last one cut at the unchanged end date
    assertThat(ReportingSchedule.periods(scenario.activity(proposal))).extracting(ReportingPeriod::end).containsExactly(
        LocalDate.parse("2027-04-30"), LocalDate.parse("2027-07-31"), LocalDate.parse("2027-10-31"), LocalDate.parse("2027-12-31"));
    scenario.at("2027-04-30T23:00:00Z");
    assertThat(scenario.openTasks(activity)).isEmpty();
    scenario.at("2027-05-01T00:00:00Z");
    assertThat(scenario.openTasks(activity)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_SubmitProgressReport");
  }

  @Test
  void aSuspensionPausesTheDeadlinesOfOpenTasks() {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    ProcessInstance activity = scenario.implementation(proposal);
    scenario.at("2027-04-01T00:00:00Z");
    assertThat(scenario.task(activity, "Task_SubmitProgressReport", null).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2027-04-21T23:59:59Z"));

    scenario.at("2027-04-10T09:00:00Z");
    interventions.suspend(proposal.getBusinessKey(), "iom-manager", "Funding frozen pending an audit");
    // nothing can be reported while suspended, and nothing falls overdue
    Task frozen = scenario.task(activity, "Task_SubmitProgressReport", null);
    assertThatThrownBy(() -> scenario.complete("unodc-officer", frozen, Reports.valid(1)))
        .hasMessageContaining("suspended");
    scenario.at("2027-04-23T09:00:00Z");
    assertThat(scenario.auditActions(proposal)).doesNotContain(TASK_OVERDUE);

    scenario.at("2027-04-24T09:00:00Z");
    interventions.resume(proposal.getBusinessKey(), "unodc-manager", "Audit cleared");
    // fourteen days suspended: due fourteen days later, and its overdue timer with it
    Instant moved = Instant.parse("2027-05-05T23:59:59Z");
    assertThat(scenario.task(activity, "Task_SubmitProgressReport", null).getDueDate().toInstant()).isEqualTo(moved);
    assertThat(reports.forActivity(scenario.activity(proposal).getId()).get(0).getDueAt()).isEqualTo(moved);
    scenario.at("2027-05-05T12:00:00Z");
    assertThat(scenario.auditActions(proposal)).doesNotContain(TASK_OVERDUE);
    scenario.at("2027-05-06T00:00:01Z");
    assertThat(activity).isWaitingAt("Task_SubmitProgressReport");
    AuditEntry overdue = scenario.audit(proposal).stream().filter(e -> e.getAction() == TASK_OVERDUE).findFirst().orElseThrow();
    assertThat(overdue.getAgency()).isEqualTo("UNODC");
    assertThat(overdue.getComment()).contains("Submit progress report").contains("2027-05-05T23:59:59Z");
    assertThat(scenario.audit(proposal)).filteredOn(e -> e.getAction() == RESUMED).singleElement()
        .satisfies(e -> assertThat(e.getActor()).isEqualTo("unodc-manager"));
  }

  @Test
  void anOverdueReportReviewIsRecordedForEachAgencyStillToDecide() {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    ProcessInstance activity = scenario.implementation(proposal);
    scenario.at("2027-04-01T00:00:00Z");
    scenario.at("2027-04-02T09:00:00Z");
    scenario.submitReport(activity, "unodc-officer", Reports.valid(1));
    scenario.reviewReport(activity, "unodc-reviewer", "UNODC", "ACCEPT", null);

    scenario.at("2027-04-10T00:00:01Z");
    assertThat(activity).isWaitingAt("CallActivity_ReviewProgressReport");
    assertThat(scenario.audit(proposal)).filteredOn(e -> e.getAction() == TASK_OVERDUE)
        .extracting(AuditEntry::getAgency).containsExactly("IOM");
  }

  @Test
  void terminationEndsTheActivityAndCancelsItsOpenTasksAndAmendment() {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    ProcessInstance activity = scenario.implementation(proposal);
    scenario.at("2027-04-01T00:00:00Z");
    ProcessInstance amendment = scenario.requestAmendment("iom-officer", Map.of("activityReference",
        proposal.getBusinessKey(), "newEndDate", "2028-06-30", "justification", "More time for the second workshop."));
    assertThat(scenario.openTasks(proposal)).hasSize(3);

    interventions.terminate(proposal.getBusinessKey(), "unodc-manager", "The host government withdrew its consent.");

    assertThat(state(proposal)).isEqualTo(ActivityState.TERMINATED);
    assertThat(scenario.activity(proposal).getEndedAt()).isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
    assertThat(activity).isEnded().hasPassed("Task_RecordTermination", "EndEvent_ActivityTerminated")
        .hasNotPassed("EndEvent_ActivityClosed");
    assertThat(amendment).isEnded();
    assertThat(amendments.forActivity(scenario.activity(proposal).getId())).singleElement()
        .satisfies(a -> assertThat(a.getStatus()).isEqualTo(AmendmentStatus.CANCELLED));
    assertThat(scenario.openTasks(proposal)).isEmpty();
    assertThat(reports.forActivity(scenario.activity(proposal).getId())).singleElement()
        .satisfies(report -> assertThat(report.getStatus()).isEqualTo(ReportStatus.CANCELLED));
    AuditEntry terminated = scenario.audit(proposal).stream().filter(e -> e.getAction() == TERMINATED).findFirst().orElseThrow();
    assertThat(terminated.getActor()).isEqualTo("unodc-manager");
    assertThat(terminated.getAgency()).isEqualTo("UNODC");
    assertThat(terminated.getComment()).isEqualTo("The host government withdrew its consent.");
  }

  @Test
  void aSuspendedActivityCanBeTerminated() {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    ProcessInstance activity = scenario.implementation(proposal);
    scenario.at("2027-02-01T00:00:00Z");
    interventions.suspend(proposal.getBusinessKey(), "unodc-manager", "Security incident");

    interventions.terminate(proposal.getBusinessKey(), "iom-manager", "No prospect of resuming");

    assertThat(state(proposal)).isEqualTo(ActivityState.TERMINATED);
    assertThat(activity).isEnded().hasPassed("EndEvent_ActivityTerminated");
  }

  @Test
  void anActivityInFinalReportingCanBeSuspendedAndResumesThere() {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    ProcessInstance activity = scenario.implementation(proposal);
    assertThatThrownBy(() -> interventions.suspend(proposal.getBusinessKey(), "unodc-manager", "Too early"))
        .hasMessageContaining("is SIGNED; only an activity that is ACTIVE or FINAL_REPORTING can be suspended");
    scenario.at("2028-01-01T00:00:00Z");
    assertThat(state(proposal)).isEqualTo(ActivityState.FINAL_REPORTING);
    Task finalReport = reportTasks(activity).stream().filter(t -> reports.get(((Number) engine.getTaskService()
        .getVariable(t.getId(), "reportId")).longValue()).isFinalReport()).findFirst().orElseThrow();
    Instant due = finalReport.getDueDate().toInstant();

    scenario.at("2028-01-05T09:00:00Z");
    interventions.suspend(proposal.getBusinessKey(), "iom-manager", "Audit of the final accounts");
    assertThat(state(proposal)).isEqualTo(ActivityState.SUSPENDED);
    assertThatThrownBy(() -> scenario.requestAmendment("unodc-officer", Map.of("activityReference",
        proposal.getBusinessKey(), "newEndDate", "2028-06-30", "justification", "More time")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("its last reporting period has ended");

    scenario.at("2028-01-12T09:00:00Z");
    interventions.resume(proposal.getBusinessKey(), "unodc-manager", null);
    // back in final reporting, not active: the final report is still owed, seven days later
    assertThat(state(proposal)).isEqualTo(ActivityState.FINAL_REPORTING);
    assertThat(engine.getTaskService().createTaskQuery().taskId(finalReport.getId()).singleResult().getDueDate().toInstant())
        .isEqualTo(due.plus(7, ChronoUnit.DAYS));
    for (int period = 1; period <= 4; period++) {
      submitReportOn(activity, period);
      scenario.acceptReport(activity);
    }
    assertThat(state(proposal)).isEqualTo(ActivityState.CLOSED);
    assertThat(scenario.auditActions(proposal)).containsSubsequence(FINAL_REPORT_DUE, SUSPENDED, RESUMED, CLOSED);
    assertThatThrownBy(() -> interventions.terminate(proposal.getBusinessKey(), "unodc-manager", "Too late"))
        .hasMessageContaining("is CLOSED and cannot be terminated");
    assertThatThrownBy(() -> interventions.suspend(proposal.getBusinessKey(), "unodc-manager", "Too late"))
        .hasMessageContaining("is CLOSED; only an activity that is ACTIVE or FINAL_REPORTING can be suspended");
  }

  @Test
  void anActivitySignedBeforeTrackingExistedGetsItsImplementationOnStart() {
    JointActivity signedEarlier = activities.save(TestActivities.inState("JA-2019-0042", ActivityState.SIGNED,
        TestActivities.details(), Instant.parse("2026-10-01T09:00:00Z")));

    backfill.startMissingImplementations();
    backfill.startMissingImplementations();

    List<ProcessInstance> started = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("ActivityImplementation").processInstanceBusinessKey("JA-2019-0042").list();
    assertThat(started).singleElement().satisfies(instance -> {
      assertThat(instance).isWaitingAt("TimerEvent_PlannedStartReached");
      assertThat(activities.findById(signedEarlier.getId()).orElseThrow().getProcessInstanceId()).isEqualTo(instance.getId());
    });
  }

  private List<Task> reportTasks(ProcessInstance activity) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(activity.getBusinessKey())
        .taskDefinitionKey("Task_SubmitProgressReport").list();
  }

  private void submitReportOn(ProcessInstance activity, int period) {
    Task task = reportTasks(activity).stream()
        .filter(t -> reports.get(((Number) engine.getTaskService().getVariable(t.getId(), "reportId")).longValue())
            .getPeriodNumber() == period)
        .findFirst().orElseThrow();
    scenario.complete("unodc-officer", task, Reports.valid(period));
    scenario.runJobs();
  }

  private ActivityState state(ProcessInstance proposal) {
    return scenario.activity(proposal).getState();
  }
}
