package org.jointactivities.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.rules.PlainText;
import org.jointactivities.rules.TaskActor;
import org.springframework.stereotype.Component;

/**
 * "Review progress report", one per agency: shows the report read-only; only that agency's
 * reviewers who did not write the report may claim or complete it; accept, or send back with
 * feedback (required).
 */
@Component("reportReviewTaskListener")
public class ReportReviewTaskListener implements TaskListener {

  private final ProgressReports reports;
  private final ActivityRegistry registry;
  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final TaskActor actors;

  public ReportReviewTaskListener(ProgressReports reports, ActivityRegistry registry, AgencyDirectory agencies,
      FourEyesGuard guard, TaskActor actors) {
    this.reports = reports;
    this.registry = registry;
    this.agencies = agencies;
    this.guard = guard;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    ProgressReport report = reports.get(ProgressReports.reportIdIn(task));
    JointActivity activity = registry.get(report.getActivityId());
    String agency = (String) task.getVariable("reviewAgency");
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        task.setVariablesLocal(ReportFormValues.of(activity, report, reports.lastAcceptedBefore(activity.getId(), report.getPeriodNumber())));
        task.setVariableLocal("indicatorProgress", report.getIndicators().stream()
            .map(i -> i.getName() + ": " + plain(i.getActual()) + " of a target of " + plain(i.getTarget()))
            .collect(Collectors.joining("\n")));
      }
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          checkMayReview(activity, report, task.getAssignee(), agency);
        }
      }
      case EVENTNAME_COMPLETE -> complete(task, activity, report, agency);
      default -> { }
    }
  }

  private void complete(DelegateTask task, JointActivity activity, ProgressReport report, String agency) {
    String reviewer = actors.of(task);
    checkMayReview(activity, report, reviewer, agency);
    Object decision = task.getVariable("reportDecision");
    AuditAction action;
    if ("ACCEPT".equals(decision)) {
      action = AuditAction.REPORT_ACCEPTED;
    } else if ("SEND_BACK".equals(decision)) {
      action = AuditAction.REPORT_SENT_BACK;
    } else {
      throw new InvalidInputException("Report review", "reportDecision", "is required: ACCEPT or SEND_BACK");
    }
    String feedback = PlainText.comment("Report review", "reportFeedback", task.getVariable("reportFeedback"),
        action == AuditAction.REPORT_SENT_BACK ? "is required when sending a report back: say what the officer should change"
            : null);
    registry.record(activity.getId(), reviewer, agency, action, ProgressReports.reviewStep(report), null, feedback);
  }

  private void checkMayReview(JointActivity activity, ProgressReport report, String reviewer, String agency) {
    guard.checkActsFor(reviewer, agency, List.of(agencies.reviewers(agency)),
        "review the progress report of " + activity.getReference());
    if (reports.authors(report).contains(reviewer)) {
      throw new ActionRefusedException("Four-eyes rule: " + reviewer + " wrote this progress report of "
          + activity.getReference() + " (or a version of it) and so may not review it");
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
