package org.jointactivities.security;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.jointactivities.identity.DemoProperties;
import org.jointactivities.rules.PlainText;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start with anything meant for the demo or left open: the demo
 * setup, the local mail sink, uploads without a virus scanner, an administrator from configuration
 * without a real password, the engine's authorization checks off, a user whose password is the demo
 * password, no administrator at all, or an H2 database. A process engine plugin: the configuration is
 * judged before the engine is built (so that, e.g., Camunda does not create a weak administrator
 * first), the database right after; a refused engine is closed again.
 */
@Component("productionSafety")
public class ProductionSafety extends AbstractProcessEnginePlugin {

  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String DIRECTORY = "joint-activities.directory.ldap.server-url";
  static final String CLAMD = "joint-activities.documents.clamd.host";

  private final DemoProperties demo;
  private final Environment environment;

  ProductionSafety(DemoProperties demo, Environment environment) {
    this.demo = demo;
    this.environment = environment;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!production()) {
      return;
    }
    if (demo.enabled()) {
      refuse("joint-activities.demo.enabled is true: demo users must not exist in production");
    }
    if (environment.getProperty("joint-activities.mail-sink.enabled", Boolean.class, false)) {
      refuse("joint-activities.mail-sink.enabled is true: production mail goes to a real SMTP server");
    }
    if (environment.getProperty(CLAMD, "").isBlank()) {
      refuse(CLAMD + " names no clamd (JA_CLAMD_HOST): documents uploaded in production are scanned for viruses");
    }
    String adminId = environment.getProperty(ADMIN_ID);
    if (adminId != null && environment.getProperty(DIRECTORY) != null) {
      refuse(ADMIN_ID + " is set, but people come from the directory (" + DIRECTORY + "): map a directory group "
          + "to camunda-admin in joint-activities.directory.groups instead");
    }
    if (adminId != null) {
      // Camunda takes the user id as the password when none is given
      String password = environment.getProperty(ADMIN_PASSWORD);
      if (password == null || password.isBlank() || password.equals(adminId) || password.equals(demo.password())) {
        refuse(ADMIN_ID + " is set, but " + ADMIN_PASSWORD + " is missing, the user id or the demo password: "
            + "give the first administrator a real password (CAMUNDA_BPM_ADMINUSER_PASSWORD)");
      }
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!production()) {
      return;
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      if (!configuration.isAuthorizationEnabled()) {
        refuse("the engine's authorization checks are off (camunda.bpm.authorization.enabled): "
            + "every logged-in user could do anything");
      }
      if (engine.getIdentityService().isReadOnly()) {
        refuseWithoutDirectoryAdministrator(engine.getIdentityService(), configuration);
      } else {
        refuseDemoPasswords(engine.getIdentityService(), configuration);
        refuseWithoutAdministrator(engine.getIdentityService(), configuration);
      }
      refuseH2(configuration.getDataSource());
    } catch (IllegalStateException refused) {
      engine.close();
      throw refused;
    }
  }

  /**
   * Compared with the stored salted hashes as the engine does, not by a login: checkPassword answers
   * false for a locked user and counts a failed login against every real user at each start. No
   * one is authenticated while the engine starts, so the query sees every user.
   */
  private void refuseDemoPasswords(IdentityService identity, ProcessEngineConfigurationImpl configuration) {
    String password = demo.password();
    if (password == null || password.isBlank()) {
      return;
    }
    List<String> withDemoPassword = identity.createUserQuery().list().stream()
        .filter(user -> user instanceof UserEntity stored && stored.getPassword() != null
            && configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, stored.getSalt()),
                stored.getPassword()))
        .map(User::getId).toList();
    if (!withDemoPassword.isEmpty()) {
      refuse("these users still have the demo password: " + String.join(", ", withDemoPassword)
          + " — delete them or set real passwords in Camunda Admin");
    }
  }

  /** Camunda Admin's setup page is shut (ClosedEndpoints): the first administrator comes from configuration. */
  private void refuseWithoutAdministrator(IdentityService identity, ProcessEngineConfigurationImpl configuration) {
    boolean fromConfiguration = environment.getProperty(ADMIN_ID) != null;
    boolean exists = configuration.getAdminGroups().stream()
        .anyMatch(group -> identity.createUserQuery().memberOfGroup(group).count() > 0);
    if (!fromConfiguration && !exists) {
      refuse("there is no administrator (no member of " + String.join(", ", configuration.getAdminGroups())
          + "): create the first one at this start with CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }
  }

  /**
   * With people from a directory, administrators are the members of the directory groups mapped to
   * camunda-admin; passwords are the directory's and not ours to judge.
   */
  private void refuseWithoutDirectoryAdministrator(IdentityService identity, ProcessEngineConfigurationImpl configuration) {
    boolean exists;
    try {
      exists = configuration.getAdminGroups().stream()
          .anyMatch(group -> identity.createUserQuery().memberOfGroup(group).count() > 0);
    } catch (IdentityProviderException unreachable) {
      throw new IllegalStateException("Refusing to start with the production profile: the directory cannot be asked "
          + "who the administrators are (" + PlainText.failureOf(unreachable) + ")", unreachable);
    }
    if (!exists) {
      refuse("nobody in the directory is an administrator: map a directory group with members to camunda-admin in "
          + "joint-activities.directory.groups");
    }
  }

  /** Judged by the database itself, not by the URL property, which a DataSource bean need not use. */
  private static void refuseH2(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData database = connection.getMetaData();
      if ("H2".equalsIgnoreCase(database.getDatabaseProductName())) {
        refuse("the database is H2 (" + database.getURL() + "): production runs on PostgreSQL");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Refusing to start with the production profile: the database cannot be checked", e);
    }
  }

  private boolean production() {
    return environment.acceptsProfiles(Profiles.of("production"));
  }

  private static void refuse(String reason) {
    throw new IllegalStateException("Refusing to start with the production profile: " + reason);
  }
}
