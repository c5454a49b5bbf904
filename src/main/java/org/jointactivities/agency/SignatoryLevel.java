package org.jointactivities.agency;

import java.util.Arrays;
import java.util.List;

/**
 * How senior a signatory is, lowest first. The signatory-level decision (bpmn/signatory-level.dmn)
 * names the level an activity needs; anyone at that level or above may sign. Each level is a
 * Camunda group per agency, e.g. {@code iom-signatories-director}.
 */
public enum SignatoryLevel {
  PROGRAMME_MANAGER("signatories-programme-manager", "programme manager"),
  DIRECTOR("signatories-director", "director"),
  HEAD_OF_AGENCY("signatories-head-of-agency", "head of agency");

  private final String groupSuffix;
  private final String label;

  SignatoryLevel(String groupSuffix, String label) {
    this.groupSuffix = groupSuffix;
    this.label = label;
  }

  /** How people say it, e.g. "head of agency". */
  public String label() {
    return label;
  }

  public String groupId(Agency agency) {
    return agency.groupPrefix() + groupSuffix;
  }

  /** This level and every level above it. */
  public List<SignatoryLevel> andAbove() {
    return Arrays.stream(values()).filter(level -> level.ordinal() >= ordinal()).toList();
  }
}
