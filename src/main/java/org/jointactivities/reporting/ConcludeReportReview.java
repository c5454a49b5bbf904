package org.jointactivities.reporting;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.deadline.DueDates;
import org.springframework.stereotype.Component;

/**
 * After the report's joint review: sets {@code reportOutcome} (ACCEPTED or SENT_BACK) for the
 * gateway, and for a report sent back its new due date {@code reportDue}.
 */
@Component("concludeReportReview")
public class ConcludeReportReview implements JavaDelegate {

  private final ProgressReports reports;
  private final DueDates dueDates;

  public ConcludeReportReview(ProgressReports reports, DueDates dueDates) {
    this.reports = reports;
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a report sent back is due again within the revision deadline
    Date revisionDue = dueDates.revision();
    String outcome = reports.conclude(ProgressReports.reportIdIn(execution), (String) execution.getVariable("reviewOutcome"),
        revisionDue);
    execution.setVariable("reportOutcome", outcome);
    if (ReportStatus.SENT_BACK.name().equals(outcome)) {
      execution.setVariable("reportDue", revisionDue);
    }
  }
}
