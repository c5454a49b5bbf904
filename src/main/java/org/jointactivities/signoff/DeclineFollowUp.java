package org.jointactivities.signoff;

/** Where a declined sign-off goes, as the decliner chooses (PRODUCT.md §3). */
public enum DeclineFollowUp {
  BACK_TO_REVIEW,
  REJECT
}
