package org.jointactivities.document;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of file a document may be, by the content type read from its bytes. */
enum AllowedContent {
  PDF("application/pdf", "PDF"),
  WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
  WORD_97("application/msword", "Word 97–2003"),
  EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
  EXCEL_97("application/vnd.ms-excel", "Excel 97–2003"),
  OPENDOCUMENT_TEXT("application/vnd.oasis.opendocument.text", "OpenDocument text"),
  OPENDOCUMENT_SPREADSHEET("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
  CSV("text/csv", "CSV"),
  PNG("image/png", "PNG image"),
  JPEG("image/jpeg", "JPEG image");

  /** For refusals: what the uploader may send instead. */
  static final String LIST = "PDF, Word, Excel, OpenDocument text or spreadsheet, CSV, PNG or JPEG";

  private final String contentType;
  private final String label;

  AllowedContent(String contentType, String label) {
    this.contentType = contentType;
    this.label = label;
  }

  static Optional<AllowedContent> of(String contentType) {
    return Arrays.stream(values()).filter(allowed -> allowed.contentType.equals(contentType)).findFirst();
  }

  String contentType() {
    return contentType;
  }

  String label() {
    return label;
  }
}
