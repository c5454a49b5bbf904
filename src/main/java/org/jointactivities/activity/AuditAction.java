package org.jointactivities.activity;

/** What an audit-trail entry records: a person's decision or a step of the process. */
public enum AuditAction {
  SUBMITTED,
  RETURNED_FOR_CHANGES,
  PROPOSAL_REJECTED,
  REVIEW_ROUND_OPENED,
  APPROVED,
  CHANGES_REQUESTED,
  REJECTED,
  REVISED,
  WITHDRAWN,
  SIGNATURE_REQUESTED,
  SIGNED,
  DECLINED,
  ACTIVITY_SIGNED,
  TASK_OVERDUE,
  MANAGERS_ALERTED
}
