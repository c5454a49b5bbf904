package org.jointactivities.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.review.JointReviews;
import org.jointactivities.task.TaskRules;
import org.springframework.stereotype.Component;

/**
 * The rules of "Submit progress report": shows the period, the indicators and any feedback of the reviewers;
 * lets only the lead agency's programme officers claim or complete it; validates and stores the
 * report. A refused report leaves the task open and nothing saved.
 */
@Component
class ReportSubmissionRules implements TaskRules {

  static final List<String> FIELDS = List.of("narrative", "indicatorProgress", "leadExpenditure", "partnerExpenditure",
      "risks", "integrityConcerns");

  private final ProgressReports reports;
  private final ActivityRegistry registry;
  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final JointReviews reviews;

  ReportSubmissionRules(ProgressReports reports, ActivityRegistry registry, AgencyDirectory agencies, FourEyesGuard guard,
      JointReviews reviews) {
    this.reports = reports;
    this.registry = registry;
    this.agencies = agencies;
    this.guard = guard;
    this.reviews = reviews;
  }

  @Override
  public String name() {
    return "progress-report";
  }

  @Override
  public void created(DelegateTask task) {
    ProgressReport report = reports.get(ProgressReports.reportIdIn(task));
    JointActivity activity = registry.get(report.getActivityId());
    task.setVariablesLocal(ReportFormValues.of(activity, report, reports.lastAcceptedBefore(activity.getId(), report.getPeriodNumber())));
    // what the reviewers of the last submission wrote (none before the first)
    task.setVariableLocal("reviewerFeedback", reviews.feedback(ReportReview.KIND, report.getId(), report.getSubmissions()));
  }

  @Override
  public void checkMayAct(DelegateTask task, String officer) {
    checkMayReport(registry.get(reports.get(ProgressReports.reportIdIn(task)).getActivityId()), officer);
  }

  @Override
  public void completed(DelegateTask task, String officer) {
    Map<String, Object> form = new HashMap<>();
    FIELDS.forEach(field -> form.put(field, task.getVariable(field)));
    reports.submit(ProgressReports.reportIdIn(task), form, officer);
  }

  private void checkMayReport(JointActivity activity, String officer) {
    guard.checkActsFor(officer, activity.getLeadAgency(), List.of(agencies.officers(activity.getLeadAgency())),
        "report on " + activity.getReference());
  }
}
