package org.jointactivities.exchange;

/** What a line of a request's audit trail records. */
public enum ExchangeAction {
  REQUESTED,
  CLARIFICATION_ASKED,
  CLARIFIED,
  ACCEPTED,
  DECLINED,
  ANSWER_PREPARED,
  CLEARED,
  CLEARANCE_REFUSED,
  RELEASED,
  ACKNOWLEDGED,
  TASK_OVERDUE,
  ANSWER_PURGED
}
