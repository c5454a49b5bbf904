package org.jointactivities.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.RoleGroup;

/**
 * Our groups as made of the directory's: the administrators', and each agency's roles and
 * signatory levels, each held by the members of the directory groups configured for it. Nothing
 * else of the directory is shown to the engine, so candidate groups, grants and filters keep our
 * ids whatever the directory calls its groups. Directory group ids compare as LDAP compares them:
 * regardless of case.
 */
public class DirectoryGroups {

  private final Map<String, RoleGroup> groups = new LinkedHashMap<>();
  private final Map<String, List<String>> directoryGroups = new LinkedHashMap<>();

  DirectoryGroups(AgencyDirectory agencies, DirectoryProperties properties) {
    agencies.roleGroups().forEach(group -> groups.put(group.id(), group));
    List<String> unknown = properties.groups().keySet().stream().filter(id -> !groups.containsKey(id)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("joint-activities.directory.groups names " + String.join(", ", unknown)
          + ", which is not one of our groups; map the directory's groups to one of: " + String.join(", ", groups.keySet()));
    }
    for (String id : groups.keySet()) {
      directoryGroups.put(id, properties.groups().getOrDefault(id, List.of()).stream()
          .filter(group -> group != null && !group.isBlank()).map(String::trim).toList());
    }
  }

  /** Every one of our groups, in the order the agencies are configured. */
  public List<RoleGroup> all() {
    return List.copyOf(groups.values());
  }

  /** Our groups nobody from the directory can hold: no directory group is mapped to them. */
  public List<String> unmapped() {
    return directoryGroups.entrySet().stream().filter(entry -> entry.getValue().isEmpty()).map(Map.Entry::getKey).toList();
  }

  /** The directory groups whose members hold this group of ours; none for an id that is not ours. */
  public List<String> directoryGroupsOf(String groupId) {
    return directoryGroups.getOrDefault(groupId, List.of());
  }

  /** Our groups held by a member of these directory groups. */
  public List<RoleGroup> heldThrough(Collection<String> directoryGroupIds) {
    Set<String> member = directoryGroupIds.stream().map(DirectoryGroups::normalized)
        .collect(Collectors.toCollection(TreeSet::new));
    List<RoleGroup> held = new ArrayList<>();
    directoryGroups.forEach((id, mapped) -> {
      if (mapped.stream().map(DirectoryGroups::normalized).anyMatch(member::contains)) {
        held.add(groups.get(id));
      }
    });
    return held;
  }

  private static String normalized(String directoryGroupId) {
    return directoryGroupId.trim().toLowerCase(Locale.ROOT);
  }
}
