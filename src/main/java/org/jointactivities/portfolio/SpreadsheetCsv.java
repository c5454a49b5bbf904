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
 * CSV for a spreadsheet, streamed a line at a time. Text typed by users must never run as a formula
 * on a manager's machine, so two guards: cells that a spreadsheet would read as a formula (starting
 * with = + - @ a tab or a carriage return) are prefixed with an apostrophe, and every field is
 * quoted. The quotes matter where the list separator is ';' (e.g. German or French settings, as in
 * Vienna and Geneva): Excel there splits unquoted text at ';', and what follows would start a cell
 * of its own that the prefix never saw ("Training;=1+1").
 */
public final class SpreadsheetCsv implements AutoCloseable {

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS, CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
      .build();

  private final SequenceWriter lines;

  private SpreadsheetCsv(SequenceWriter lines) {
    this.lines = lines;
  }

  /** A CSV document on {@code out}, its header written; lines follow one at a time, closing ends it. */
  public static SpreadsheetCsv to(Writer out, List<String> header) throws IOException {
    SpreadsheetCsv csv = new SpreadsheetCsv(CSV.writer(CsvSchema.emptySchema()).writeValues(out));
    csv.line(header);
    return csv;
  }

  public void line(List<String> cells) {
    try {
      lines.write(cells.stream().map(SpreadsheetCsv::safe).toList());
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
