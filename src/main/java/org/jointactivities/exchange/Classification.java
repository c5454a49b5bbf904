package org.jointactivities.exchange;

/** How sensitive the information asked for is (PRODUCT.md §7); it decides who may read the answer and who clears it. */
public enum Classification {
  PUBLIC,
  INTERNAL,
  CONFIDENTIAL,
  STRICTLY_CONFIDENTIAL;

  /** Need-to-know: only the answer's named recipients and the providing agency's people on the case read it. */
  public boolean needToKnow() {
    return this == CONFIDENTIAL || this == STRICTLY_CONFIDENTIAL;
  }
}
