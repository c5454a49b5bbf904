package org.jointactivities.exchange;

/** Where an information request stands, as the register shows it. */
public enum ExchangeState {
  /** With the providing agency's focal points, to accept, ask for clarification or decline. */
  IN_TRIAGE,
  /** The focal points asked the requester to clarify. */
  CLARIFICATION_ASKED,
  /** Accepted: the providing agency prepares the answer. */
  ACCEPTED,
  /** The answer waits for the data-protection focal point's clearance. */
  IN_CLEARANCE,
  /** Released to its recipients; the requester has not yet acknowledged receipt. */
  ANSWERED,
  ACKNOWLEDGED,
  DECLINED
}
