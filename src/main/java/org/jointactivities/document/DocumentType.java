package org.jointactivities.document;

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
}
