package org.jointactivities.reporting;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.review.ReviewDecisions;
import org.jointactivities.review.ReviewDecisions.Option;
import org.jointactivities.review.ReviewSubject;
import org.jointactivities.review.Verdict;
import org.jointactivities.rules.ActionRefusedException;
import org.springframework.stereotype.Component;

/**
 * A progress report in joint review, one round per submission: accept, or send back with feedback
 * for the officer. Never reviewed by anyone who submitted a version of it.
 */
@Component
class ReportReview implements ReviewSubject {

  static final String KIND = "progress-report";
  private static final ReviewDecisions DECISIONS = new ReviewDecisions("Report review",
      new Option("ACCEPT", Verdict.APPROVE, null),
      new Option("SEND_BACK", Verdict.REQUEST_CHANGES,
          "is required when sending a report back: say what the officer should change"));

  private final ProgressReports reports;
  private final ActivityRegistry registry;

  ReportReview(ProgressReports reports, ActivityRegistry registry) {
    this.reports = reports;
    this.registry = registry;
  }

  @Override public String kind() { return KIND; }
  @Override public String taskName() { return "Review progress report"; }
  @Override public String formId() { return "ProgressReportReviewForm"; }
  @Override public ReviewDecisions decisions() { return DECISIONS; }

  @Override
  public JointActivity activityOf(long reportId) {
    return registry.get(reports.get(reportId).getActivityId());
  }

  @Override
  public Map<String, Object> shown(long reportId) {
    ProgressReport report = reports.get(reportId);
    JointActivity activity = registry.get(report.getActivityId());
    Map<String, Object> shown = ReportFormValues.of(activity, report,
        reports.lastAcceptedBefore(activity.getId(), report.getPeriodNumber()));
    shown.put("indicatorProgress", report.getIndicators().stream()
        .map(i -> i.getName() + ": " + plain(i.getActual()) + " of a target of " + plain(i.getTarget()))
        .collect(Collectors.joining("\n")));
    return shown;
  }

  @Override
  public String reviewing(JointActivity activity) {
    return "review the progress report of " + activity.getReference();
  }

  @Override
  public void checkNotAuthor(long reportId, JointActivity activity, String reviewer) {
    if (reports.authors(reports.get(reportId)).contains(reviewer)) {
      throw new ActionRefusedException("Four-eyes rule: " + reviewer + " wrote this progress report of "
          + activity.getReference() + " (or a version of it) and so may not review it");
    }
  }

  /** One round per submission: the round is the submission's number. */
  @Override
  public String step(long reportId, int round) {
    return ProgressReports.reviewStep(reports.get(reportId));
  }

  @Override
  public AuditAction audited(String decision) {
    return "ACCEPT".equals(decision) ? AuditAction.REPORT_ACCEPTED : AuditAction.REPORT_SENT_BACK;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
