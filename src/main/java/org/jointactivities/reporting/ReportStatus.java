package org.jointactivities.reporting;

/**
 * Where a progress report stands: due, with the reviewers, sent back to the officer, accepted (and
 * locked), or cancelled because the activity was terminated before it was accepted.
 */
public enum ReportStatus {
  DUE,
  SUBMITTED,
  SENT_BACK,
  ACCEPTED,
  CANCELLED
}
