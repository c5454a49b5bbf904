package org.jointactivities.portfolio;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The activity list as CSV for a spreadsheet. Text typed by users must never run as a formula on a
 * manager's machine, so two guards: cells that a spreadsheet would read as a formula (starting with
 * = + - @ a tab or a carriage return) are prefixed with an apostrophe, and every field is quoted.
 * The quotes matter where the list separator is ';' (e.g. German or French settings, as in Vienna
 * and Geneva): Excel there splits unquoted text at ';', and what follows would start a cell of its
 * own that the prefix never saw ("Training;=1+1").
 */
final class ActivitiesCsv implements AutoCloseable {

  static final List<String> HEADER = List.of("Reference", "Title", "State", "Lead agency", "Partner agency",
      "Thematic areas", "Countries", "Region", "Planned start", "Planned end", "Total budget", "Currency",
      "Lead contribution", "Partner contribution", "Corruption risk", "Submitted", "Signed", "Documents");

  /** An activity and how many documents it has. */
  record Row(ActivitySummary activity, int documents) {}

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS, CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
      .build();

  private final SequenceWriter lines;

  private ActivitiesCsv(SequenceWriter lines) {
    this.lines = lines;
  }

  /** A CSV document on {@code out}, its header written; rows follow one at a time, closing ends it. */
  static ActivitiesCsv to(Writer out) throws IOException {
    ActivitiesCsv csv = new ActivitiesCsv(CSV.writer(CsvSchema.emptySchema()).writeValues(out));
    csv.line(HEADER);
    return csv;
  }

  static void write(List<Row> rows, Writer out) throws IOException {
    try (ActivitiesCsv csv = to(out)) {
      rows.forEach(csv::write);
    }
  }

  void write(Row row) {
    ActivitySummary a = row.activity();
    line(List.of(a.reference(), a.title(), a.state(), a.leadAgency(), a.partnerAgency(),
        String.join("; ", a.thematicAreas()), String.join("; ", a.countries()), a.region(),
        a.plannedStartDate().toString(), a.plannedEndDate().toString(), a.totalBudget().toPlainString(), a.currency(),
        a.leadContribution().toPlainString(), a.partnerContribution().toPlainString(), a.corruptionRisk(),
        a.submittedAt().toString(), a.signedAt() == null ? "" : a.signedAt().toString(), String.valueOf(row.documents()))
        .stream().map(ActivitiesCsv::safe).toList());
  }

  private void line(List<String> cells) {
    try {
      lines.write(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  private static String safe(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }
}
