package org.jointactivities.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jointactivities.activity.AuditAction.REPORT_ACCEPTED;
import static org.jointactivities.activity.AuditAction.REPORT_SENT_BACK;
import static org.jointactivities.activity.AuditAction.REPORT_SUBMITTED;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Reports;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A progress report is checked on the server and decided by the right people only: every bad
 * input and every wrong actor is refused with a clear message, and nothing changes.
 */
@JointActivitiesTest
class ProgressReportRulesTest {

  @Autowired Scenario scenario;
  @Autowired ProgressReports reports;
  @Autowired TaskService tasks;

  ProcessInstance proposal;

  @BeforeEach
  void firstReportDue() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    proposal = scenario.signedActivity(Proposals.valid());
    scenario.at("2027-04-01T00:00:00Z");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Stream<Arguments> badReports() {
    return Stream.of(
        Arguments.of("narrative", "  ", "narrative: is required"),
        Arguments.of("narrative", "x".repeat(8001), "narrative: must be at most 8000 characters"),
        Arguments.of("narrative", "Hidden\u001b[31m", "narrative: must not contain control characters"),
        Arguments.of("indicatorProgress", "Officials trained | 30", "indicatorProgress: needs a line for the indicator 'Referrals made'"),
        Arguments.of("indicatorProgress", "Officials trained | 30\nReferrals made | 9\nBorder posts | 2",
            "indicatorProgress: line 3: 'Border posts' is not an indicator of this activity"),
        Arguments.of("indicatorProgress", "Officials trained | many\nReferrals made | 9",
            "indicatorProgress: line 1: give the value reached as a number"),
        Arguments.of("indicatorProgress", "Officials trained | 3\nOfficials trained | 4\nReferrals made | 9",
            "indicatorProgress: line 2: 'Officials trained' is given twice"),
        Arguments.of("indicatorProgress", "Officials trained | -7\nReferrals made | 9",
            "indicatorProgress: line 1: the value reached for 'Officials trained' must not be negative"),
        Arguments.of("indicatorProgress", "Officials trained | 30.456\nReferrals made | 9",
            "indicatorProgress: line 1: the value reached for 'Officials trained' must have at most two decimals"),
        Arguments.of("leadExpenditure", -1, "leadExpenditure: must not be negative"),
        Arguments.of("partnerExpenditure", "a lot", "partnerExpenditure: must be a number, not 'a lot'"),
        Arguments.of("partnerExpenditure", null, "partnerExpenditure: is required"),
        Arguments.of("leadExpenditure", 1e13, "leadExpenditure: must be at most 1000000000000"),
        Arguments.of("leadExpenditure", 10.005, "leadExpenditure: must have at most two decimals"),
        Arguments.of("leadExpenditure", Double.NaN, "leadExpenditure: must be a number, not 'NaN'"),
        Arguments.of("risks", "", "risks: is required"),
        Arguments.of("risks", 42, "risks: must be text"));
  }

  @ParameterizedTest
  @MethodSource("badReports")
  void aBadReportIsRefusedNamingTheFieldAndRuleAndNothingIsSaved(String field, Object value, String message) {
    Map<String, Object> report = new HashMap<>(Reports.valid(1));
    report.put(field, value);
    Task task = scenario.task(proposal, "Task_SubmitProgressReport", null);

    assertThatThrownBy(() -> scenario.complete("unodc-officer", task, report))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Progress report refused: ").hasMessageContaining(message);

    assertThat(scenario.task(proposal, "Task_SubmitProgressReport", null).getId()).isEqualTo(task.getId());
    ProgressReport stored = reports.forActivity(scenario.activity(proposal).getId()).get(0);
    assertThat(stored.getStatus()).isEqualTo(ReportStatus.DUE);
    assertThat(stored.getSubmissions()).isZero();
    assertThat(stored.getNarrative()).isNull();
    assertThat(scenario.auditActions(proposal)).doesNotContain(REPORT_SUBMITTED);
  }

  @Test
  void onlyTheLeadAgencysOfficersReport() {
    Task task = scenario.task(proposal, "Task_SubmitProgressReport", null);
    // the partner's officers are no candidates: the engine does not even show them the task
    assertThatThrownBy(() -> scenario.complete("iom-officer", task, Reports.valid(1)))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> scenario.claim("unodc-reviewer", task)).isInstanceOf(AuthorizationException.class);
    // and someone handed the task anyway is refused by the rules
    assertThatThrownBy(() -> scenario.as("admin", () -> tasks.setAssignee(task.getId(), "iom-officer")))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("iom-officer may not report on " + proposal.getBusinessKey() + " for UNODC");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void nobodyReviewsTheReportTheyWrote() {
    scenario.person("unodc-officer-reviewer", "unodc-officers", "unodc-reviewers");
    scenario.submitReport(proposal, "unodc-officer-reviewer", Reports.valid(1));
    Task review = scenario.task(proposal, "Task_ReviewProgressReport", "UNODC");

    assertThatThrownBy(() -> scenario.claim("unodc-officer-reviewer", review))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("Four-eyes rule: unodc-officer-reviewer wrote this progress report");
    assertThatThrownBy(() -> scenario.complete("iom-reviewer", review, Map.of("reviewDecision", "ACCEPT")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(scenario.auditActions(proposal)).doesNotContain(REPORT_ACCEPTED);
  }

  @Test
  void nobodyReviewsARevisionOfAReportTheyWrote() {
    scenario.person("unodc-officer-reviewer", "unodc-officers", "unodc-reviewers");
    scenario.submitReport(proposal, "unodc-officer-reviewer", Reports.valid(1));
    scenario.reviewReport(proposal, "iom-reviewer", "IOM", "SEND_BACK", "Break the expenditure down");
    scenario.reviewReport(proposal, "unodc-reviewer", "UNODC", "ACCEPT", null);
    // a colleague revises it; the first author still may not judge it
    scenario.submitReport(proposal, "unodc-officer", Reports.valid(1));
    Task review = scenario.task(proposal, "Task_ReviewProgressReport", "UNODC");

    assertThatThrownBy(() -> scenario.claim("unodc-officer-reviewer", review))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("Four-eyes rule: unodc-officer-reviewer wrote this progress report of "
            + proposal.getBusinessKey() + " (or a version of it)");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void aReviewerHandedTheOtherAgencysReviewIsRefusedByTheRules() {
    scenario.submitReport(proposal, "unodc-officer", Reports.valid(1));
    Task unodcReview = scenario.task(proposal, "Task_ReviewProgressReport", "UNODC");

    assertThatThrownBy(() -> scenario.as("admin", () -> tasks.setAssignee(unodcReview.getId(), "iom-reviewer")))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("iom-reviewer may not review the progress report of " + proposal.getBusinessKey());
    assertThat(tasks.createTaskQuery().taskId(unodcReview.getId()).singleResult().getAssignee()).isNull();
    assertThat(scenario.auditActions(proposal)).doesNotContain(REPORT_ACCEPTED, REPORT_SENT_BACK);
  }

  @Test
  void sendingBackNeedsFeedbackAndADecisionIsRequired() {
    scenario.submitReport(proposal, "unodc-officer", Reports.valid(1));
    Task review = scenario.task(proposal, "Task_ReviewProgressReport", "IOM");

    assertThatThrownBy(() -> scenario.complete("iom-reviewer", review, Map.of("reviewDecision", "SEND_BACK")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reviewComment: is required when sending a report back");
    assertThatThrownBy(() -> scenario.complete("iom-reviewer", review, Map.of("reviewComment", "Fine")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reviewDecision: is required: ACCEPT or SEND_BACK");
    assertThat(scenario.auditActions(proposal)).doesNotContain(REPORT_ACCEPTED, REPORT_SENT_BACK);
    assertThat(scenario.task(proposal, "Task_ReviewProgressReport", "IOM").getId()).isEqualTo(review.getId());
  }

  @Test
  void anAcceptedReportIsLockedAndExpenditureToDateCannotFall() {
    scenario.submitReport(proposal, "unodc-officer", Reports.valid(1));
    scenario.acceptReport(proposal);
    ProgressReport accepted = reports.forActivity(scenario.activity(proposal).getId()).get(0);

    assertThatThrownBy(() -> reports.submit(accepted.getId(), Reports.valid(1), "unodc-officer"))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("was accepted by both agencies and is locked");
    assertThat(reports.get(accepted.getId()).getSubmissions()).isEqualTo(1);

    scenario.at("2027-07-01T00:00:00Z");
    Task second = scenario.task(proposal, "Task_SubmitProgressReport", null);
    assertThatThrownBy(() -> scenario.complete("unodc-officer", second, Reports.with(2, "leadExpenditure", 5000)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("leadExpenditure: is expenditure to date and cannot fall below 12000, reported for period 1");
  }

  @Test
  void integrityConcernsAreRequiredWhenTheCorruptionRiskIsNotLow() {
    Map<String, Object> risky = Proposals.with("corruptionRisk", "MEDIUM");
    risky.put("riskMitigation", "Payments only by bank transfer.");
    ProcessInstance other = scenario.signedActivity(risky);
    scenario.at("2027-04-01T00:00:00Z");
    Task task = scenario.task(other, "Task_SubmitProgressReport", null);

    assertThatThrownBy(() -> scenario.complete("unodc-officer", task, Reports.valid(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("integrityConcerns: is required for an activity rated medium corruption risk");
    scenario.complete("unodc-officer", task, Reports.with(1, "integrityConcerns", "none"));
    assertThat(reports.forActivity(scenario.activity(other).getId()).get(0).getIntegrityConcerns()).isEqualTo("none");
  }
}
