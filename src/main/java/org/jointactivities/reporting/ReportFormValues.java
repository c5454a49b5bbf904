package org.jointactivities.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jointactivities.activity.Indicator;
import org.jointactivities.activity.JointActivity;

/**
 * A progress report as its forms show it: what the period is, the indicators with their targets,
 * and what was reported (or, for a new report, the figures of the last accepted one to start from).
 * Task-local on the report task, whose officer edits them; computed when read for the review form.
 */
final class ReportFormValues {

  private ReportFormValues() {}

  static Map<String, Object> of(JointActivity activity, ProgressReport report, Optional<ProgressReport> lastAccepted) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reference", activity.getReference());
    values.put("periodLabel", (report.isFinalReport() ? "Final report, period " : "Period ") + report.getPeriodNumber()
        + ": " + report.getPeriodStart() + " to " + report.getPeriodEnd());
    values.put("indicatorTargets", activity.getIndicators().stream().map(Indicator::toString)
        .collect(Collectors.joining("\n")));
    boolean reported = report.getSubmissions() > 0;
    ProgressReport source = reported ? report : lastAccepted.orElse(null);
    values.put("narrative", reported ? report.getNarrative() : "");
    values.put("indicatorProgress", source == null
        ? activity.getIndicators().stream().map(i -> i.getName() + " | ").collect(Collectors.joining("\n"))
        : source.getIndicators().stream().map(IndicatorProgress::toString).collect(Collectors.joining("\n")));
    values.put("leadExpenditure", source == null ? 0.0 : source.getLeadExpenditure().doubleValue());
    values.put("partnerExpenditure", source == null ? 0.0 : source.getPartnerExpenditure().doubleValue());
    values.put("risks", reported ? report.getRisks() : "");
    values.put("integrityConcerns", reported && report.getIntegrityConcerns() != null ? report.getIntegrityConcerns() : "");
    values.put("submittedBy", reported ? report.getSubmittedBy() : "");
    return values;
  }
}
