package org.jointactivities.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.TaskActor;
import org.springframework.stereotype.Component;

/**
 * "Submit progress report": shows the period, the indicators and any feedback of the reviewers;
 * lets only the lead agency's programme officers claim or complete it; validates and stores the
 * report. A refused report leaves the task open and nothing saved.
 */
@Component("progressReportTaskListener")
public class ProgressReportTaskListener implements TaskListener {

  static final List<String> FIELDS = List.of("narrative", "indicatorProgress", "leadExpenditure", "partnerExpenditure",
      "risks", "integrityConcerns");

  private final ProgressReports reports;
  private final ActivityRegistry registry;
  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final TaskActor actors;

  public ProgressReportTaskListener(ProgressReports reports, ActivityRegistry registry, AgencyDirectory agencies,
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
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        task.setVariablesLocal(ReportFormValues.of(activity, report, reports.lastAcceptedBefore(activity.getId(), report.getPeriodNumber())));
        task.setVariableLocal("reviewerFeedback", reports.feedback(report));
      }
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          checkMayReport(activity, task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> {
        String officer = actors.of(task);
        checkMayReport(activity, officer);
        Map<String, Object> form = new HashMap<>();
        FIELDS.forEach(field -> form.put(field, task.getVariable(field)));
        reports.submit(report.getId(), form, officer);
      }
      default -> { }
    }
  }

  private void checkMayReport(JointActivity activity, String officer) {
    guard.checkActsFor(officer, activity.getLeadAgency(), List.of(agencies.officers(activity.getLeadAgency())),
        "report on " + activity.getReference());
  }
}
