package org.jointactivities.portfolio;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The activity list as CSV for a spreadsheet (SpreadsheetCsv: no cell runs as a formula), one row per activity. */
final class ActivitiesCsv implements AutoCloseable {

  static final List<String> HEADER = List.of("Reference", "Title", "State", "Lead agency", "Partner agency",
      "Thematic areas", "Countries", "Region", "Planned start", "Planned end", "Total budget", "Currency",
      "Lead contribution", "Partner contribution", "Corruption risk", "Submitted", "Signed", "Documents");

  /** An activity and how many documents it has. */
  record Row(ActivitySummary activity, int documents) {}

  private final SpreadsheetCsv lines;

  private ActivitiesCsv(SpreadsheetCsv lines) {
    this.lines = lines;
  }

  /** A CSV document on {@code out}, its header written; rows follow one at a time, closing ends it. */
  static ActivitiesCsv to(Writer out) throws IOException {
    return new ActivitiesCsv(SpreadsheetCsv.to(out, HEADER));
  }

  static void write(List<Row> rows, Writer out) throws IOException {
    try (ActivitiesCsv csv = to(out)) {
      rows.forEach(csv::write);
    }
  }

  void write(Row row) {
    ActivitySummary a = row.activity();
    lines.line(List.of(a.reference(), a.title(), a.state(), a.leadAgency(), a.partnerAgency(),
        String.join("; ", a.thematicAreas()), String.join("; ", a.countries()), a.region(),
        a.plannedStartDate().toString(), a.plannedEndDate().toString(), a.totalBudget().toPlainString(), a.currency(),
        a.leadContribution().toPlainString(), a.partnerContribution().toPlainString(), a.corruptionRisk(),
        a.submittedAt().toString(), a.signedAt() == null ? "" : a.signedAt().toString(), String.valueOf(row.documents())));
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
