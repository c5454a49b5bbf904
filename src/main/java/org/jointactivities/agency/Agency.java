package org.jointactivities.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A party to joint activities, as configured under {@code joint-activities.agencies}.
 *
 * @param iatiRef the agency's IATI organisation identifier, used in the IATI export
 */
public record Agency(String code, String name, String emailDomain, String iatiRef) {

  /** Camunda group id of this agency's members in a role, e.g. {@code unodc-reviewers}. */
  public String groupId(Role role) {
    return groupPrefix() + role.groupSuffix();
  }

  /** The ids of the agency's groups: one per role, and one per signatory level. */
  public List<String> groups() {
    return roleGroups().stream().map(RoleGroup::id).toList();
  }

  /** The agency's groups with their names, e.g. "UNODC programme officers". */
  public List<RoleGroup> roleGroups() {
    List<RoleGroup> groups = new ArrayList<>();
    for (Role role : Role.values()) {
      groups.add(RoleGroup.workflow(groupId(role), code + " " + role.label()));
    }
    for (SignatoryLevel level : SignatoryLevel.values()) {
      groups.add(RoleGroup.workflow(level.groupId(this), code + " signatories: " + level.label()));
    }
    return groups;
  }

  /** Prefix of every group id of this agency, e.g. {@code unodc-}. */
  public String groupPrefix() {
    return code.toLowerCase(Locale.ROOT) + "-";
  }
}
