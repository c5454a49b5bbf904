package org.jointactivities.activity;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a joint activity (PRODUCT.md, "Lifecycle"). Each state names where it may go next. */
public enum ActivityState {
  DRAFT,
  IN_REVIEW,
  CHANGES_REQUESTED,
  AWAITING_SIGNATURE,
  SIGNED,
  ACTIVE,
  SUSPENDED,
  FINAL_REPORTING,
  CLOSED,
  REJECTED,
  WITHDRAWN,
  TERMINATED;

  /** The state as people read it, e.g. "Awaiting signature". */
  public String displayName() {
    String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * Signed by both agencies, now or on the way since (a terminated activity was signed: only signed
   * ones can be terminated). What is public: the IATI export and public documents.
   */
  public boolean signed() {
    return switch (this) {
      case SIGNED, ACTIVE, SUSPENDED, FINAL_REPORTING, CLOSED, TERMINATED -> true;
      case DRAFT, IN_REVIEW, CHANGES_REQUESTED, AWAITING_SIGNATURE, REJECTED, WITHDRAWN -> false;
    };
  }

  public boolean canMoveTo(ActivityState next) {
    return successors().contains(next);
  }

  private Set<ActivityState> successors() {
    return switch (this) {
      case DRAFT -> EnumSet.of(IN_REVIEW, WITHDRAWN);
      case IN_REVIEW -> EnumSet.of(IN_REVIEW, CHANGES_REQUESTED, AWAITING_SIGNATURE, REJECTED, WITHDRAWN);
      case CHANGES_REQUESTED -> EnumSet.of(IN_REVIEW, WITHDRAWN);
      case AWAITING_SIGNATURE -> EnumSet.of(SIGNED, IN_REVIEW, REJECTED, WITHDRAWN);
      case SIGNED -> EnumSet.of(ACTIVE, TERMINATED);
      case ACTIVE -> EnumSet.of(SUSPENDED, FINAL_REPORTING, TERMINATED);
      case SUSPENDED -> EnumSet.of(ACTIVE, FINAL_REPORTING, TERMINATED);
      case FINAL_REPORTING -> EnumSet.of(SUSPENDED, CLOSED, TERMINATED);
      case CLOSED, REJECTED, WITHDRAWN, TERMINATED -> EnumSet.noneOf(ActivityState.class);
    };
  }
}
