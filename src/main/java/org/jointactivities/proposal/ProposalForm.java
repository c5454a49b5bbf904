package org.jointactivities.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointactivities.activity.ActivityDetails;
import org.jointactivities.activity.ActivityDetails.IndicatorLine;
import org.jointactivities.activity.CorruptionRisk;
import org.jointactivities.activity.CrossCuttingMarker;
import org.jointactivities.activity.Region;
import org.jointactivities.activity.ReportingFrequency;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.FormFields;

/**
 * Reads the proposal form's variables (as Tasklist submits them: strings, numbers, and JSON
 * arrays for multi-selects) into {@link ActivityDetails}. Values of the wrong type become
 * problems naming the field, never exceptions half-way through.
 */
public final class ProposalForm {

  /** Form field keys, which are also the variable names Tasklist submits. */
  public static final List<String> FIELDS = List.of(
      "title", "summary", "objectives", "thematicAreas", "markers", "countries", "region",
      "leadAgency", "partnerAgency", "leadFocalPoint", "partnerFocalPoint",
      "plannedStartDate", "plannedEndDate", "totalBudget", "currency", "leadContribution",
      "partnerContribution", "deliverables", "indicators", "reportingFrequency", "corruptionRisk",
      "riskMitigation");

  private ProposalForm() {}

  /** Converted details plus the problems met on the way; details are null where a field could not be read. */
  public record Reading(ActivityDetails details, List<FieldProblem> problems) {}

  public static Reading read(Map<String, Object> variables) {
    FormFields form = new FormFields(variables);
    ActivityDetails details = new ActivityDetails(
        form.line("title"),
        form.text("summary"),
        form.text("objectives"),
        form.enumSet("thematicAreas", ThematicArea.class),
        form.enumSet("markers", CrossCuttingMarker.class),
        form.codes("countries"),
        form.oneOf("region", Region.labels()),
        form.code("leadAgency"),
        form.code("partnerAgency"),
        form.line("leadFocalPoint"),
        form.line("partnerFocalPoint"),
        form.date("plannedStartDate"),
        form.date("plannedEndDate"),
        form.amount("totalBudget"),
        form.code("currency"),
        form.amount("leadContribution"),
        form.amount("partnerContribution"),
        form.lines("deliverables"),
        indicators(form, "indicators"),
        form.enumValue("reportingFrequency", ReportingFrequency.class),
        form.enumValue("corruptionRisk", CorruptionRisk.class),
        form.text("riskMitigation"));
    return new Reading(details, form.problems());
  }

  /** One indicator per line: {@code name | baseline | target}. */
  private static List<IndicatorLine> indicators(FormFields form, String field) {
    List<IndicatorLine> result = new ArrayList<>();
    List<String> lines = form.lines(field);
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split("\\|", -1);
      String where = "line " + (i + 1) + " ('" + FormFields.shorten(lines.get(i)) + "')";
      if (parts.length != 3) {
        form.problem(field, where + " must read 'name | baseline | target'");
        continue;
      }
      try {
        result.add(new IndicatorLine(parts[0].strip(), new BigDecimal(parts[1].strip()), new BigDecimal(parts[2].strip())));
      } catch (NumberFormatException e) {
        form.problem(field, where + ": baseline and target must be numbers");
      }
    }
    return result;
  }
}
