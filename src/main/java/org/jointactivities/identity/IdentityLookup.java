package org.jointactivities.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Reads users and group memberships from Camunda's identity service for the business rules.
 * Rules must hold whoever is asking, so these reads bypass the caller's authorizations.
 */
@Component
public class IdentityLookup {

  private final IdentityService identityService;
  private final AsSystem asSystem;

  public IdentityLookup(IdentityService identityService, AsSystem asSystem) {
    this.identityService = identityService;
    this.asSystem = asSystem;
  }

  public Set<String> groupsOf(String userId) {
    if (userId == null) {
      return Set.of();
    }
    return asSystem.call(() -> identityService.createGroupQuery().groupMember(userId).list())
        .stream().map(Group::getId).collect(Collectors.toSet());
  }

  public boolean isMember(String userId, String groupId) {
    return groupsOf(userId).contains(groupId);
  }

  /** The user on whose behalf the engine is called right now, or null. */
  public String currentUserId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
