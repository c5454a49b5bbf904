package org.jointactivities.roles;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.agency.RoleGroup;
import org.jointactivities.agency.SignatoryLevel;
import org.jointactivities.task.TaskCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Every role of every configured agency, in every profile, on every start: its Camunda group, what
 * the role may do in Tasklist and Cockpit, and its Tasklist filters; and the administrators' group
 * with all rights. Idempotent: a restart adds what is missing (a new agency in config/, a new
 * model's tasks in a filter) and changes nothing else. Where users and groups come from a
 * read-only directory, the groups are the directory's and only grants and filters are written.
 * No grant is written per activity: the engine's tenant check keeps each group to the activities of
 * its agency (party/PartyTenants).
 */
@Component("rolesAndGrants")
@DependsOn({"productionSafety", "modelDeployer"})
public class RolesAndGrants {

  static final String PROPOSAL_PROCESS = "JointActivityProposal";
  static final String AMENDMENT_PROCESS = "ActivityAmendment";
  static final String EXCHANGE_PROCESS = "InformationExchange";
  private static final Logger LOG = LoggerFactory.getLogger(RolesAndGrants.class);

  private final IdentityService identity;
  private final AgencyDirectory agencies;
  private final Grants grants;
  private final TasklistFilters filters;

  RolesAndGrants(IdentityService identity, AuthorizationService authorizations, FilterService filterService,
      TaskService tasks, AgencyDirectory agencies, TaskCatalog catalog) {
    this.identity = identity;
    this.agencies = agencies;
    this.grants = new Grants(authorizations);
    this.filters = new TasklistFilters(filterService, tasks, catalog, grants);
  }

  @PostConstruct
  void create() {
    agencies.roleGroups().forEach(this::group);
    for (Resource resource : Resources.values()) {
      grants.grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    List<String> everyone = new ArrayList<>();
    List<String> officers = new ArrayList<>();
    List<String> reviewers = new ArrayList<>();
    List<String> signatories = new ArrayList<>();
    List<String> exchangers = new ArrayList<>();
    List<String> dataProtection = new ArrayList<>();
    for (Agency agency : agencies.all()) {
      createAgency(agency);
      everyone.addAll(agency.groups());
      officers.add(agency.groupId(Role.OFFICER));
      reviewers.add(agency.groupId(Role.REVIEWER));
      exchangers.addAll(List.of(agency.groupId(Role.OFFICER), agency.groupId(Role.REVIEWER)));
      dataProtection.add(agency.groupId(Role.DATA_PROTECTION));
      for (SignatoryLevel level : SignatoryLevel.values()) {
        signatories.add(level.groupId(agency));
      }
    }
    filters.create(everyone, List.of(
        new TasklistFilters.RoleFilter("reviews", "My agency's reviews",
            "Proposals, progress reports and amendments waiting for my agency's review", reviewers),
        new TasklistFilters.RoleFilter("reports", "My agency's reports", "Progress reports my agency owes as lead agency",
            officers),
        new TasklistFilters.RoleFilter("signatures", "Awaiting my signature", "Activities I may sign for my agency",
            signatories),
        new TasklistFilters.RoleFilter("exchanges", "Information requests",
            "Requests for information my agency received and answers it owes", exchangers),
        new TasklistFilters.RoleFilter("clearances", "Awaiting data-protection clearance",
            "Answers with personal or strictly confidential data to clear before release", dataProtection)));
    LOG.info("Roles, grants and Tasklist filters ready for {} agencies", agencies.all().size());
  }

  private void createAgency(Agency agency) {
    for (String group : agency.groups()) {
      grants.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // to show process names and diagrams, and the names of users and groups on tasks
      grants.grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grants.grant(group, Resources.USER, ANY, Permissions.READ);
      grants.grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    String officers = agency.groupId(Role.OFFICER);
    grants.grant(officers, Resources.PROCESS_DEFINITION, PROPOSAL_PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    grants.grant(officers, Resources.PROCESS_DEFINITION, AMENDMENT_PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    grants.grant(officers, Resources.PROCESS_DEFINITION, EXCHANGE_PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    grants.grant(officers, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // managers monitor in Cockpit: every model, and the instances and tasks of every activity
    // their agency is party to (the tenant check leaves out the others); no history
    String managers = agency.groupId(Role.MANAGER);
    grants.grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.grant(managers, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
        Permissions.READ_TASK);
    grants.grant(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
  }

  private void group(RoleGroup roleGroup) {
    if (identity.isReadOnly() || identity.createGroupQuery().groupId(roleGroup.id()).count() > 0) {
      return;
    }
    Group group = identity.newGroup(roleGroup.id());
    group.setName(roleGroup.name());
    group.setType(roleGroup.type());
    identity.saveGroup(group);
  }
}
