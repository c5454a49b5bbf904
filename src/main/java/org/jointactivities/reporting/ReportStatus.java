package org.jointactivities.reporting;

/** Where a progress report stands: due, with the reviewers, sent back to the officer, or accepted (and locked). */
public enum ReportStatus {
  DUE,
  SUBMITTED,
  SENT_BACK,
  ACCEPTED
}
