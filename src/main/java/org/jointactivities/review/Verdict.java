package org.jointactivities.review;

/** What a review decision means for the round, whatever a subject calls it (approve, accept, send back…). */
public enum Verdict {
  APPROVE,
  REQUEST_CHANGES,
  REJECT
}
