package org.jointactivities.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.JointActivitiesApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile on an empty PostgreSQL database, without the demo setup: every configured
 * agency (a third one included, from configuration only) finds its groups, their grants and the
 * Tasklist filters; the first administrator comes from configuration.
 */
@EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class RolesInProductionOnPostgresTest {

  private static final String SERVER = System.getenv("JA_TEST_POSTGRES_URL");
  private static final String USER = System.getenv().getOrDefault("JA_TEST_POSTGRES_USER", "postgres");
  private static final String PASSWORD = System.getenv().getOrDefault("JA_TEST_POSTGRES_PASSWORD", "");
  private final String database = "ja_empty_" + UUID.randomUUID().toString().replace("-", "");

  @BeforeEach
  void createEmptyDatabase() throws Exception {
    sql("CREATE DATABASE " + database);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void everyAgencyFindsItsGroupsGrantsAndFiltersWithoutTheDemo() {
    try (ConfigurableApplicationContext production = start()) {
      IdentityService identity = production.getBean(IdentityService.class);
      AuthorizationService authorizations = production.getBean(AuthorizationService.class);
      FilterService filters = production.getBean(FilterService.class);

      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("first-admin");
      for (String agency : List.of("unodc", "iom", "unhcr")) {
        for (String role : List.of("officers", "reviewers", "managers", "data-protection", "signatories-programme-manager",
            "signatories-director", "signatories-head-of-agency")) {
          String group = agency + "-" + role;
          assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isOne();
          assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.ACCESS,
              Resources.APPLICATION, "tasklist")).as(group + " in Tasklist").isTrue();
        }
        assertThat(authorizations.isUserAuthorized("someone", List.of(agency + "-officers"), Permissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION, "JointActivityProposal")).as(agency + " officers propose").isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of(agency + "-officers"), Permissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION, "InformationExchange")).as(agency + " officers request information").isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of(agency + "-managers"), Permissions.ACCESS,
            Resources.APPLICATION, "cockpit")).as(agency + " managers in Cockpit").isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of(agency + "-reviewers"), Permissions.ACCESS,
            Resources.APPLICATION, "cockpit")).as(agency + " reviewers not in Cockpit").isFalse();
      }
      assertThat(filters.createFilterQuery().list()).extracting(Filter::getName).containsExactlyInAnyOrder(
          "My tasks", "My agency's reviews", "My agency's reports", "Awaiting my signature", "Information requests",
          "Awaiting data-protection clearance", "Overdue");
      Filter reviews = filters.createFilterQuery().filterName("My agency's reviews").singleResult();
      assertThat(authorizations.isUserAuthorized("someone", List.of("unhcr-reviewers"), Permissions.READ,
          Resources.FILTER, reviews.getId())).isTrue();
      assertThat(authorizations.isUserAuthorized("first-admin", List.of("camunda-admin"), Permissions.ALL,
          Resources.AUTHORIZATION, "*")).isTrue();
    }
  }

  private ConfigurableApplicationContext start() {
    int dbAt = SERVER.lastIndexOf('/');
    return new SpringApplicationBuilder(JointActivitiesApplication.class).run(
        "--spring.profiles.active=production",
        "--spring.datasource.url=" + SERVER.substring(0, dbAt + 1) + database,
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD,
        "--server.port=0",
        "--camunda.bpm.process-engine-name=production-postgres-" + UUID.randomUUID(),
        "--camunda.bpm.job-execution.enabled=false",
        "--joint-activities.notifications.delivery.senders=0",
        "--joint-activities.documents.clamd.host=localhost",
        "--camunda.bpm.admin-user.id=first-admin",
        "--camunda.bpm.admin-user.password=Str0ng-and-l0ng!",
        "--spring.mail.host=localhost",
        "--spring.mail.port=3128",
        "--joint-activities.notifications.tasklist-url=https://ja.example.org/camunda/app/tasklist/default/",
        "--joint-activities.notifications.from=ja@example.org",
        // a list is replaced whole by the source that sets it: all three agencies
        "--joint-activities.agencies[0].code=UNODC",
        "--joint-activities.agencies[0].name=United Nations Office on Drugs and Crime",
        "--joint-activities.agencies[0].email-domain=unodc.org",
        "--joint-activities.agencies[0].iati-ref=XM-DAC-41128",
        "--joint-activities.agencies[1].code=IOM",
        "--joint-activities.agencies[1].name=International Organization for Migration",
        "--joint-activities.agencies[1].email-domain=iom.int",
        "--joint-activities.agencies[1].iati-ref=XM-DAC-47066",
        "--joint-activities.agencies[2].code=UNHCR",
        "--joint-activities.agencies[2].name=Office of the United Nations High Commissioner for Refugees",
        "--joint-activities.agencies[2].email-domain=unhcr.org",
        "--joint-activities.agencies[2].iati-ref=XM-DAC-41121",
        "--logging.level.root=OFF");
  }

  private static void sql(String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
         Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }
}
