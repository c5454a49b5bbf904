package org.jointactivities.directory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jointactivities.JointActivitiesApplication;
import org.jointactivities.support.OpenLdapServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the production profile refuses when people come from the directory: an administrator from
 * configuration (Camunda would try to write it), no administrator in the directory, a directory it
 * cannot ask, and a group mapping that names a group of ours that does not exist.
 */
class ProductionDirectoryOnLdapTest {

  static final OpenLdapServer DIRECTORY = OpenLdapServer.start(PeopleOnLdapTest.SUFFIX, "/directory/demo-organisation.ldif");

  @AfterAll
  static void stopDirectory() {
    DIRECTORY.close();
  }

  @Test
  void refusesAnAdministratorFromConfiguration() {
    assertThatThrownBy(() -> start("--camunda.bpm.admin-user.id=root", "--camunda.bpm.admin-user.password=Str0ng-and-l0ng!"))
        .hasStackTraceContaining("camunda.bpm.admin-user.id is set, but people come from the directory")
        .hasStackTraceContaining("map a directory group to camunda-admin in joint-activities.directory.groups instead");
  }

  @Test
  void refusesADirectoryWithoutAdministrators() {
    assertThatThrownBy(() -> start("--joint-activities.directory.groups.camunda-admin=Nobody By This Name"))
        .hasStackTraceContaining("nobody in the directory is an administrator: map a directory group with members to camunda-admin");
  }

  @Test
  void refusesToStartWhenTheDirectoryCannotBeAsked() {
    assertThatThrownBy(() -> start("--joint-activities.directory.ldap.server-url=ldap://127.0.0.1:1"))
        .hasStackTraceContaining("the directory cannot be asked who the administrators are");
  }

  @Test
  void withTheDirectorysAdministratorsTheNextCheckIsTheDatabase() {
    // the administrators' check passed: what stops this start is the next check, the H2 database
    assertThatThrownBy(this::start)
        .rootCause().hasMessageStartingWith("Refusing to start with the production profile: the database is H2");
  }

  @Test
  void refusesAMappingToAGroupThatIsNotOurs() {
    assertThatThrownBy(() -> start("--joint-activities.directory.groups.unodc-oficers=UNODC Programme Officers"))
        .hasStackTraceContaining("joint-activities.directory.groups names unodc-oficers, which is not one of our groups")
        .hasStackTraceContaining("unodc-officers");
  }

  private ConfigurableApplicationContext start(String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=production,ldap",
        "--spring.datasource.url=jdbc:h2:mem:ja-production-ldap-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--joint-activities.notifications.delivery.senders=0",
        "--spring.mail.host=localhost",
        "--joint-activities.documents.clamd.host=localhost",
        "--spring.mail.port=3128",
        "--joint-activities.notifications.tasklist-url=https://ja.example.org/camunda/app/tasklist/default/",
        "--joint-activities.notifications.from=ja@example.org",
        "--joint-activities.directory.ldap.server-url=" + DIRECTORY.url(),
        "--joint-activities.directory.ldap.manager-dn=uid=joint-activities,ou=services," + PeopleOnLdapTest.SUFFIX,
        "--joint-activities.directory.ldap.manager-password=" + PeopleOnLdapTest.PASSWORD,
        "--joint-activities.directory.ldap.base-dn=" + PeopleOnLdapTest.SUFFIX,
        "--logging.level.root=OFF"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(JointActivitiesApplication.class).run(args.toArray(String[]::new));
  }
}
