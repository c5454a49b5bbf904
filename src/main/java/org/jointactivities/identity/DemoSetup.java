package org.jointactivities.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.signoff.SignatoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Demo identities, on by default for the embedded run ({@code joint-activities.demo.enabled}):
 * for every configured agency one user per role and signatory level, their groups, the
 * authorizations those roles need in Tasklist and Cockpit, and Tasklist filters per role; plus an
 * administrator. Idempotent: a restart adds what is missing and changes nothing else.
 */
@Component
@ConditionalOnProperty(name = "joint-activities.demo.enabled", havingValue = "true")
@DependsOn("productionSafety")
class DemoSetup {

  static final String ADMIN = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);
  private static final String PROPOSAL_PROCESS = "JointActivityProposal";
  private static final String AMENDMENT_PROCESS = "ActivityAmendment";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final AgencyDirectory agencies;
  private final DemoProperties demo;

  DemoSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks,
      AgencyDirectory agencies, DemoProperties demo) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.agencies = agencies;
    this.demo = demo;
  }

  @PostConstruct
  void create() {
    if (demo.password() == null || demo.password().isBlank()) {
      throw new IllegalStateException("joint-activities.demo.password must be set when the demo setup is enabled");
    }
    createAdministrator();
    List<String> reviewerGroups = new ArrayList<>();
    List<String> officerGroups = new ArrayList<>();
    List<String> signatoryGroups = new ArrayList<>();
    List<String> allGroups = new ArrayList<>();
    for (Agency agency : agencies.all()) {
      createAgency(agency);
      reviewerGroups.add(agency.groupId(Role.REVIEWER));
      officerGroups.add(agency.groupId(Role.OFFICER));
      for (SignatoryLevel level : SignatoryLevel.values()) {
        signatoryGroups.add(level.groupId(agency));
      }
      for (Role role : Role.values()) {
        allGroups.add(agency.groupId(role));
      }
    }
    allGroups.addAll(signatoryGroups);
    createFilters(allGroups, officerGroups, reviewerGroups, signatoryGroups);
    LOG.info("Demo setup ready: users for {} agencies, password from joint-activities.demo.password", agencies.all().size());
  }

  private void createAdministrator() {
    group(Groups.CAMUNDA_ADMIN, "Administrators", Groups.GROUP_TYPE_SYSTEM);
    user(ADMIN, "Demo", "Administrator", "admin@example.org", Groups.CAMUNDA_ADMIN);
    for (Resource resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  private void createAgency(Agency agency) {
    String prefix = agency.groupPrefix();
    String domain = agency.emailDomain();
    String code = agency.code();
    group(agency.groupId(Role.OFFICER), code + " programme officers", Groups.GROUP_TYPE_WORKFLOW);
    group(agency.groupId(Role.REVIEWER), code + " reviewers (focal points)", Groups.GROUP_TYPE_WORKFLOW);
    group(agency.groupId(Role.MANAGER), code + " managers", Groups.GROUP_TYPE_WORKFLOW);
    for (SignatoryLevel level : SignatoryLevel.values()) {
      group(level.groupId(agency), code + " signatories: " + level.label(), Groups.GROUP_TYPE_WORKFLOW);
    }
    user(prefix + "officer", code, "Programme Officer", prefix + "officer@" + domain, agency.groupId(Role.OFFICER));
    user(prefix + "officer2", code, "Second Programme Officer", prefix + "officer2@" + domain, agency.groupId(Role.OFFICER));
    user(prefix + "reviewer", code, "Reviewer", prefix + "reviewer@" + domain, agency.groupId(Role.REVIEWER));
    user(prefix + "manager", code, "Manager", prefix + "manager@" + domain, agency.groupId(Role.MANAGER));
    user(prefix + "signatory-pm", code, "Signatory (Programme Manager)", prefix + "signatory-pm@" + domain,
        SignatoryLevel.PROGRAMME_MANAGER.groupId(agency));
    user(prefix + "signatory-director", code, "Signatory (Director)", prefix + "signatory-director@" + domain,
        SignatoryLevel.DIRECTOR.groupId(agency));
    user(prefix + "signatory-head", code, "Signatory (Head of Agency)", prefix + "signatory-head@" + domain,
        SignatoryLevel.HEAD_OF_AGENCY.groupId(agency));

    List<String> groups = new ArrayList<>(List.of(agency.groupId(Role.OFFICER), agency.groupId(Role.REVIEWER),
        agency.groupId(Role.MANAGER)));
    for (SignatoryLevel level : SignatoryLevel.values()) {
      groups.add(level.groupId(agency));
    }
    for (String group : groups) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // to show process names and diagrams, and the names of users and groups on tasks
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    String officers = agency.groupId(Role.OFFICER);
    grant(officers, Resources.PROCESS_DEFINITION, PROPOSAL_PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(officers, Resources.PROCESS_DEFINITION, AMENDMENT_PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(officers, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // managers monitor in Cockpit: they see every model, and the instances and tasks of their
    // agency's activities, granted one by one as those start (security/PartyAccess)
    String managers = agency.groupId(Role.MANAGER);
    grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
  }

  private void createFilters(List<String> everyone, List<String> officers, List<String> reviewers,
      List<String> signatories) {
    filter("My tasks", "Tasks assigned to me", -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
    filter("My agency's reviews", "Proposals, progress reports and amendments waiting for my agency's review", 0,
        tasks.createTaskQuery().taskDefinitionKeyIn("Task_ReviewProposal", "Task_ReviewProgressReport", "Task_ReviewAmendment")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(), reviewers);
    filter("My agency's reports", "Progress reports my agency owes as lead agency", 0,
        tasks.createTaskQuery().taskDefinitionKey("Task_SubmitProgressReport")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(), officers);
    filter("Awaiting my signature", "Activities I may sign for my agency", 0,
        tasks.createTaskQuery().taskDefinitionKey("Task_SignActivity")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(), signatories);
    filter("Overdue", "Tasks I can see that are past their due date", 10,
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), everyone);
  }

  private void filter(String name, String description, int priority, TaskQuery query, List<String> groups) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter != null && !description.equals(filter.getProperties().get("description"))) {
      // a filter from an earlier version: give it this version's query
      filters.saveFilter(filter.setQuery(query).setProperties(properties(description, priority)));
    }
    if (filter == null) {
      filter = filters.newTaskFilter(name).setOwner(ADMIN).setQuery(query).setProperties(properties(description, priority));
      filters.saveFilter(filter);
    }
    for (String group : groups) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static Map<String, Object> properties(String description, int priority) {
    return Map.of(
        "description", description,
        "priority", priority,
        "refresh", true,
        "variables", List.of(
            Map.of("name", "reference", "label", "Reference"),
            Map.of("name", "title", "label", "Title"),
            Map.of("name", "leadAgency", "label", "Lead agency"),
            Map.of("name", "partnerAgency", "label", "Partner agency")));
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void user(String id, String firstName, String lastName, String email, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(demo.password());
      identity.saveUser(user);
      identity.createMembership(id, groupId);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
      return; // a restart changes nothing
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
