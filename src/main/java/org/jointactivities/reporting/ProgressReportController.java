package org.jointactivities.reporting;

import java.security.Principal;
import java.util.List;
import org.jointactivities.activity.ActivityAccess;
import org.jointactivities.activity.JointActivity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An activity's reporting schedule and its progress reports: {@code GET /api/activities/{reference}/reports}. */
@RestController
class ProgressReportController {

  private final ActivityAccess access;
  private final ProgressReports reports;

  ProgressReportController(ActivityAccess access, ProgressReports reports) {
    this.access = access;
    this.reports = reports;
  }

  record ReportsView(String reference, List<ReportingPeriod> schedule, List<ProgressReport> reports) {}

  @GetMapping("/api/activities/{reference}/reports")
  ReportsView reports(@PathVariable String reference, Principal user) {
    JointActivity activity = access.readable(reference, user.getName());
    return new ReportsView(reference, ReportingSchedule.periods(activity), reports.forActivity(activity.getId()));
  }
}
