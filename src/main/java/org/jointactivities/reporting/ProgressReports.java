package org.jointactivities.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityStateChanged;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.deadline.DueDates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress reports of activities: opened when a period ends, submitted by the lead agency's
 * officers, reviewed by both agencies, locked when both accept. Each step leaves an audit entry;
 * the reviewers' decisions on one submission share the step {@code report-<period>-submission-<n>}.
 */
@Service
@Transactional
public class ProgressReports {

  /** The variable holding a report's id; the report's subprocess keeps its own (a local input). */
  public static final String REPORT_ID = "reportId";

  private final ProgressReportRepository reports;
  private final ActivityRegistry registry;
  private final DueDates dueDates;

  public ProgressReports(ProgressReportRepository reports, ActivityRegistry registry, DueDates dueDates) {
    this.reports = reports;
    this.registry = registry;
    this.dueDates = dueDates;
  }

  ProgressReport open(JointActivity activity, ReportingPeriod period, Date due) {
    ProgressReport report = reports.save(new ProgressReport(activity.getId(), period, due.toInstant()));
    if (!period.last()) {
      registry.record(activity.getId(), null, activity.getLeadAgency(), AuditAction.REPORT_DUE, step(report), null,
          "Period " + period.start() + " to " + period.end() + ", due " + due.toInstant());
    }
    return report;
  }

  ProgressReport submit(long reportId, Map<String, Object> form, String officer) {
    ProgressReport report = get(reportId);
    JointActivity activity = registry.get(report.getActivityId());
    ReportContent content = ProgressReportValidator.validate(form, activity,
        lastAcceptedBefore(activity.getId(), report.getPeriodNumber()));
    report.submit(content, officer, now());
    registry.record(activity.getId(), officer, activity.getLeadAgency(), AuditAction.REPORT_SUBMITTED,
        reviewStep(report), null, null);
    return report;
  }

  /** After the joint review: ACCEPTED (and locked) when every agency accepted, else SENT_BACK. */
  String conclude(long reportId, String reviewOutcome, Date revisionDue) {
    ProgressReport report = get(reportId);
    // reports of one activity conclude one after the other, so that the last one sees all others
    registry.lock(report.getActivityId());
    if ("APPROVED".equals(reviewOutcome)) {
      report.accept(now());
      registry.record(report.getActivityId(), null, null, AuditAction.REPORT_LOCKED, reviewStep(report), null, null);
      return ReportStatus.ACCEPTED.name();
    }
    report.sendBack(revisionDue.toInstant());
    registry.record(report.getActivityId(), null, null, AuditAction.REPORT_RETURNED, reviewStep(report), null, null);
    return ReportStatus.SENT_BACK.name();
  }

  /**
   * Whether the activity may close: its final report is open and every report is accepted. Used by
   * the model after each report as {@code ${progressReports.allAcceptedWithFinal(activityId)}}.
   */
  @Transactional(readOnly = true)
  public boolean allAcceptedWithFinal(long activityId) {
    List<ProgressReport> all = forActivity(activityId);
    return all.stream().anyMatch(ProgressReport::isFinalReport)
        && all.stream().allMatch(report -> report.getStatus() == ReportStatus.ACCEPTED);
  }

  /** Whether the final period has ended, so that the activity is in (or was suspended in) final reporting. */
  @Transactional(readOnly = true)
  public boolean finalReportOpened(long activityId) {
    return forActivity(activityId).stream().anyMatch(ProgressReport::isFinalReport);
  }

  /** The round of the report's joint review: its submission's number ({@code ${progressReports.reviewRound(reportId)}}). */
  public int reviewRound(long reportId) {
    return get(reportId).getSubmissions();
  }

  /** A terminated activity owes no more reports: the open one is cancelled (accepted ones stay). */
  @EventListener(condition = "#change.activity.state.name() == 'TERMINATED'")
  void activityTerminated(ActivityStateChanged change) {
    for (ProgressReport report : forActivity(change.activity().getId())) {
      if (report.getStatus() != ReportStatus.ACCEPTED && report.getStatus() != ReportStatus.CANCELLED) {
        report.cancel();
      }
    }
  }

  /** A suspension paused the activity's deadlines: the open reports fall due that much later. */
  public void postpone(long activityId, long days) {
    for (ProgressReport report : forActivity(activityId)) {
      if (report.getStatus() != ReportStatus.ACCEPTED && report.getStatus() != ReportStatus.CANCELLED) {
        report.postpone(dueDates.later(Date.from(report.getDueAt()), days).toInstant());
      }
    }
  }

  @Transactional(readOnly = true)
  public ProgressReport get(long reportId) {
    return reports.findById(reportId).orElseThrow(() -> new NoSuchElementException("No progress report with id " + reportId));
  }

  @Transactional(readOnly = true)
  public List<ProgressReport> forActivity(long activityId) {
    return reports.findByActivityIdOrderByPeriodNumberAsc(activityId);
  }

  /** The accepted report of the latest period before the given one: what expenditure to date started from. */
  @Transactional(readOnly = true)
  public Optional<ProgressReport> lastAcceptedBefore(long activityId, int period) {
    return forActivity(activityId).stream()
        .filter(r -> r.getStatus() == ReportStatus.ACCEPTED && r.getPeriodNumber() < period)
        .reduce((first, second) -> second);
  }

  /** Everyone who submitted a version of the report: none of them may review it (four-eyes). */
  @Transactional(readOnly = true)
  public Set<String> authors(ProgressReport report) {
    String submissions = step(report) + "-submission-";
    Set<String> authors = new TreeSet<>();
    for (int submission = 1; submission <= report.getSubmissions(); submission++) {
      registry.entriesOfStep(report.getActivityId(), submissions + submission).stream()
          .filter(entry -> entry.getAction() == AuditAction.REPORT_SUBMITTED && entry.getActor() != null)
          .forEach(entry -> authors.add(entry.getActor()));
    }
    return authors;
  }

  /** The report a task or step of the implementation is about: its variable {@code reportId}. */
  static long reportIdIn(VariableScope scope) {
    Object id = scope.getVariable(REPORT_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable reportId is missing");
    }
    return number.longValue();
  }

  static String step(ProgressReport report) {
    return "report-" + report.getPeriodNumber();
  }

  /** The step of the current submission, which its reviews join. */
  static String reviewStep(ProgressReport report) {
    return step(report) + "-submission-" + report.getSubmissions();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
