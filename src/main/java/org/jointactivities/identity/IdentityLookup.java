package org.jointactivities.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Reads users and group memberships from Camunda's identity service for the business rules.
 * Rules must hold whoever is asking, so these reads bypass the caller's authorizations.
 */
@Component
public class IdentityLookup {

  private final IdentityService identityService;
  private final TaskService tasks;
  private final AsSystem asSystem;

  public IdentityLookup(IdentityService identityService, TaskService tasks, AsSystem asSystem) {
    this.identityService = identityService;
    this.tasks = tasks;
    this.asSystem = asSystem;
  }

  /** The groups a task is offered to (its candidate groups), whoever asks. */
  public List<String> candidateGroupsOf(String taskId) {
    return asSystem.call(() -> tasks.getIdentityLinksForTask(taskId)).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
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

  /**
   * The user id as the identity store writes it. A directory matches ids regardless of case and
   * spacing ({@code AMINA.DIALLO } signs in as {@code amina.diallo}); rules that compare ids, such as
   * four-eyes, must see the one id, not what was typed.
   */
  public String storedIdOf(String userId) {
    User user = asSystem.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : user.getId();
  }

  /** How people read a user: "Ana Silva", or the user id when the directory has no name. */
  public String nameOf(String userId) {
    User user = asSystem.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  /** A group's name, or its id. */
  public String groupName(String groupId) {
    Group group = asSystem.call(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  /** The user on whose behalf the engine is called right now, or null. */
  public String currentUserId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
