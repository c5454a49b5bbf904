package org.jointactivities.agency;

/** Roles held per agency; each is a Camunda group {@code <agency>-<suffix>}. Signatories have levels (see SignatoryLevel). */
public enum Role {
  OFFICER("officers"),
  REVIEWER("reviewers"),
  MANAGER("managers");

  private final String groupSuffix;

  Role(String groupSuffix) {
    this.groupSuffix = groupSuffix;
  }

  public String groupSuffix() {
    return groupSuffix;
  }
}
