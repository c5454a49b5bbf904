package org.jointactivities.signoff;

/** What a signatory may decide; the form's {@code signDecision} values. */
public enum SignOffDecision {
  SIGN,
  DECLINE
}
