package org.jointactivities.amendment;

/** Where an amendment stands. Only IN_REVIEW and AWAITING_SIGNATURE are open. */
public enum AmendmentStatus {
  IN_REVIEW,
  AWAITING_SIGNATURE,
  APPLIED,
  REJECTED,
  CANCELLED
}
