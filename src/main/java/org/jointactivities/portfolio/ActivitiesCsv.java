package org.jointactivities.portfolio;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity list as CSV for a spreadsheet. Cells that a spreadsheet would read as a formula
 * (starting with = + - @ or a tab) are prefixed with an apostrophe, so that text typed by users
 * can never run as a formula on a manager's machine.
 */
final class ActivitiesCsv {

  static final List<String> HEADER = List.of("Reference", "Title", "State", "Lead agency", "Partner agency",
      "Thematic areas", "Countries", "Region", "Planned start", "Planned end", "Total budget", "Currency",
      "Lead contribution", "Partner contribution", "Corruption risk", "Submitted", "Signed");

  private static final CsvMapper CSV = new CsvMapper();

  private ActivitiesCsv() {}

  static void write(List<ActivitySummary> rows, Writer out) throws IOException {
    List<List<String>> lines = new ArrayList<>();
    lines.add(HEADER);
    for (ActivitySummary a : rows) {
      lines.add(List.of(a.reference(), a.title(), a.state(), a.leadAgency(), a.partnerAgency(),
          String.join("; ", a.thematicAreas()), String.join("; ", a.countries()), a.region(),
          a.plannedStartDate().toString(), a.plannedEndDate().toString(), a.totalBudget().toPlainString(), a.currency(),
          a.leadContribution().toPlainString(), a.partnerContribution().toPlainString(), a.corruptionRisk(),
          a.submittedAt().toString(), a.signedAt() == null ? "" : a.signedAt().toString())
          .stream().map(ActivitiesCsv::safe).toList());
    }
    CSV.writer(CsvSchema.emptySchema()).writeValues(out).writeAll(lines).close();
  }

  private static String safe(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }
}
