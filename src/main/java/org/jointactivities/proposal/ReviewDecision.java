package org.jointactivities.proposal;

import org.jointactivities.activity.AuditAction;

/** What a reviewer may decide; the form's {@code reviewDecision} values. */
public enum ReviewDecision {
  APPROVE(AuditAction.APPROVED, null),
  REQUEST_CHANGES(AuditAction.CHANGES_REQUESTED, "is required when requesting changes: say what to change"),
  REJECT(AuditAction.REJECTED, "is required when rejecting: give the reason");

  private final AuditAction audit;
  private final String commentRule;

  ReviewDecision(AuditAction audit, String commentRule) {
    this.audit = audit;
    this.commentRule = commentRule;
  }

  public AuditAction audit() {
    return audit;
  }

  /** The rule the comment breaks when it is missing, or null when no comment is needed. */
  public String commentRule() {
    return commentRule;
  }
}
