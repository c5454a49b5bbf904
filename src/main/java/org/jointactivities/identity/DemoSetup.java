package org.jointactivities.identity;

import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.agency.SignatoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Demo people, on by default for the embedded run ({@code joint-activities.demo.enabled}): for
 * every configured agency one user per role and signatory level, and an administrator, all with
 * the demo password. Their groups, grants and Tasklist filters exist in every profile
 * (roles/RolesAndGrants); this only adds the people, unless they come from a directory. Idempotent:
 * a restart adds who is missing.
 */
@Component
@ConditionalOnProperty(name = "joint-activities.demo.enabled", havingValue = "true")
@DependsOn({"productionSafety", "rolesAndGrants"})
class DemoSetup {

  static final String ADMIN = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

  private final IdentityService identity;
  private final AgencyDirectory agencies;
  private final DemoProperties demo;

  DemoSetup(IdentityService identity, AgencyDirectory agencies, DemoProperties demo) {
    this.identity = identity;
    this.agencies = agencies;
    this.demo = demo;
  }

  @PostConstruct
  void create() {
    if (demo.password() == null || demo.password().isBlank()) {
      throw new IllegalStateException("joint-activities.demo.password must be set when the demo setup is enabled");
    }
    if (identity.isReadOnly()) {
      LOG.info("Demo setup adds no people: they come from the directory");
      return;
    }
    user(ADMIN, "Demo", "Administrator", "admin@example.org", Groups.CAMUNDA_ADMIN);
    for (Agency agency : agencies.all()) {
      createPeople(agency);
    }
    LOG.info("Demo setup ready: users for {} agencies, password from joint-activities.demo.password", agencies.all().size());
  }

  private void createPeople(Agency agency) {
    String prefix = agency.groupPrefix();
    String domain = agency.emailDomain();
    String code = agency.code();
    user(prefix + "officer", code, "Programme Officer", prefix + "officer@" + domain, agency.groupId(Role.OFFICER));
    user(prefix + "officer2", code, "Second Programme Officer", prefix + "officer2@" + domain, agency.groupId(Role.OFFICER));
    user(prefix + "reviewer", code, "Reviewer", prefix + "reviewer@" + domain, agency.groupId(Role.REVIEWER));
    user(prefix + "manager", code, "Manager", prefix + "manager@" + domain, agency.groupId(Role.MANAGER));
    user(prefix + "data-protection", code, "Data-Protection Focal Point", prefix + "data-protection@" + domain,
        agency.groupId(Role.DATA_PROTECTION));
    user(prefix + "signatory-pm", code, "Signatory (Programme Manager)", prefix + "signatory-pm@" + domain,
        SignatoryLevel.PROGRAMME_MANAGER.groupId(agency));
    user(prefix + "signatory-director", code, "Signatory (Director)", prefix + "signatory-director@" + domain,
        SignatoryLevel.DIRECTOR.groupId(agency));
    user(prefix + "signatory-head", code, "Signatory (Head of Agency)", prefix + "signatory-head@" + domain,
        SignatoryLevel.HEAD_OF_AGENCY.groupId(agency));
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
}
