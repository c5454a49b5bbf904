package org.jointactivities.document;

import java.util.Arrays;
import java.util.List;

/** What a document is to the activity. The signed agreement is produced by the application only. */
public enum DocumentType {
  CONCEPT_NOTE("Concept note"),
  BUDGET("Budget"),
  ANNEX("Annex"),
  REPORT_EVIDENCE("Report evidence"),
  SIGNED_AGREEMENT("Signed agreement"),
  OTHER("Other");

  private final String label;

  DocumentType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** What people attach: every type but the signed agreement. */
  public static List<DocumentType> attachable() {
    return Arrays.stream(values()).filter(type -> type != SIGNED_AGREEMENT).toList();
  }
}
