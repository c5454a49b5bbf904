package org.jointactivities.reporting;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.deadline.DueDates;
import org.springframework.stereotype.Component;

/**
 * A reporting period ended: its report falls due. The report of the last period is the final
 * report, and the activity moves to FINAL_REPORTING.
 */
@Component("openProgressReport")
public class OpenProgressReport implements JavaDelegate {

  private final ActivityRegistry registry;
  private final ProgressReports reports;
  private final DueDates dueDates;

  public OpenProgressReport(ActivityRegistry registry, ProgressReports reports, DueDates dueDates) {
    this.registry = registry;
    this.reports = reports;
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    JointActivity activity = registry.get(ActivityVariables.activityId(execution));
    ReportingPeriod period = ReportingSchedule.period(activity, OpenReportingPeriod.current(execution));
    Date due = dueDates.report(period.end());
    ProgressReport report = reports.open(activity, period, due);
    if (period.last()) {
      registry.transition(activity.getId(), ActivityState.FINAL_REPORTING, null, activity.getLeadAgency(),
          AuditAction.FINAL_REPORT_DUE, ProgressReports.step(report), "Final report due " + due.toInstant());
    }
    execution.setVariable(ProgressReports.REPORT_ID, report.getId());
    execution.setVariable("reportDue", due);
    execution.setVariable("finalReport", period.last());
  }
}
