package org.jointactivities.agency;

/** Roles held per agency; each is a Camunda group {@code <agency>-<suffix>}. Signatories have levels (see SignatoryLevel). */
public enum Role {
  OFFICER("officers", "programme officers"),
  REVIEWER("reviewers", "reviewers (focal points)"),
  MANAGER("managers", "managers"),
  /** Clears answers to information requests that hold personal or strictly confidential data (PRODUCT.md §7). */
  DATA_PROTECTION("data-protection", "data-protection focal points");

  private final String groupSuffix;
  private final String label;

  Role(String groupSuffix, String label) {
    this.groupSuffix = groupSuffix;
    this.label = label;
  }

  /** How people say it, e.g. "programme officers". */
  public String label() {
    return label;
  }

  public String groupSuffix() {
    return groupSuffix;
  }
}
