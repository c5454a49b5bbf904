package org.jointactivities.signoff;

import java.util.Arrays;
import java.util.List;
import org.jointactivities.agency.Agency;

/**
 * How senior a signatory is, lowest first. The signatory-level decision (bpmn/signatory-level.dmn)
 * names the level an activity needs; anyone at that level or above may sign. Each level is a
 * Camunda group per agency, e.g. {@code iom-signatories-director}.
 */
public enum SignatoryLevel {
  PROGRAMME_MANAGER("signatories-programme-manager"),
  DIRECTOR("signatories-director"),
  HEAD_OF_AGENCY("signatories-head-of-agency");

  private final String groupSuffix;

  SignatoryLevel(String groupSuffix) {
    this.groupSuffix = groupSuffix;
  }

  public String groupId(Agency agency) {
    return agency.groupPrefix() + groupSuffix;
  }

  /** This level and every level above it. */
  public List<SignatoryLevel> andAbove() {
    return Arrays.stream(values()).filter(level -> level.ordinal() >= ordinal()).toList();
  }
}
