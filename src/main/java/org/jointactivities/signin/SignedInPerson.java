package org.jointactivities.signin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.RoleGroup;
import org.jointactivities.directory.DirectoryGroups;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a token of the OpenID provider names, and which of our groups they hold: the user id from
 * the configured claim, as the directory stores it (so four-eyes sees one id however it is
 * typed); the groups from the configured claim, the directory's names mapped to ours (or, without
 * a mapping, those of our ids the claim lists), or from the directory when no claim is configured.
 */
public class SignedInPerson {

  private final SingleSignOnProperties properties;
  private final Set<String> ourGroups;
  private final Optional<DirectoryGroups> directoryGroups;
  private final IdentityLookup identity;

  SignedInPerson(SingleSignOnProperties properties, AgencyDirectory agencies, Optional<DirectoryGroups> directoryGroups,
      IdentityLookup identity) {
    this.properties = properties;
    this.ourGroups = agencies.roleGroups().stream().map(RoleGroup::id).collect(Collectors.toSet());
    this.directoryGroups = directoryGroups;
    this.identity = identity;
  }

  /** The user id the token names; empty when it names none. */
  public Optional<String> userIdOf(Map<String, Object> claims) {
    Object value = claims.get(properties.userIdClaim());
    if (!(value instanceof String id) || id.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(identity.storedIdOf(id.trim()));
  }

  /** Our groups the person holds, sorted, as authorities (the engine's group ids). */
  public List<GrantedAuthority> groupsOf(String userId, Map<String, Object> claims) {
    if (properties.groupsClaim() == null || properties.groupsClaim().isBlank()) {
      return authorities(identity.groupsOf(userId));
    }
    List<String> listed = claims.get(properties.groupsClaim()) instanceof Collection<?> values
        ? values.stream().filter(String.class::isInstance).map(String.class::cast).toList()
        : List.of();
    return authorities(directoryGroups
        .map(mapping -> mapping.heldThrough(listed).stream().map(RoleGroup::id).toList())
        .orElseGet(() -> listed.stream().filter(ourGroups::contains).toList()));
  }

  public String userIdClaim() {
    return properties.userIdClaim();
  }

  private static List<GrantedAuthority> authorities(Collection<String> groupIds) {
    return groupIds.stream().distinct().sorted().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
  }
}
