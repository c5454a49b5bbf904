package org.jointactivities.agency;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * A Camunda group the product works with: the administrators', or an agency's role or signatory
 * level. Created in Camunda's own identity store, or, with a directory, made of the directory's
 * groups mapped to it (directory/DirectoryGroups).
 */
public record RoleGroup(String id, String name, String type) {

  public static final RoleGroup ADMINISTRATORS =
      new RoleGroup(Groups.CAMUNDA_ADMIN, "Administrators", Groups.GROUP_TYPE_SYSTEM);

  static RoleGroup workflow(String id, String name) {
    return new RoleGroup(id, name, Groups.GROUP_TYPE_WORKFLOW);
  }
}
