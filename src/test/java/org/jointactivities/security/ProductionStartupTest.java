package org.jointactivities.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jointactivities.JointActivitiesApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile refuses to start with demo users, demo passwords, the mail sink or H2. */
class ProductionStartupTest {

  final String database = "jdbc:h2:mem:ja-production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @Test
  void refusesTheDemoSetup() {
    assertThatThrownBy(() -> start(true, "--joint-activities.demo.enabled=true"))
        .hasStackTraceContaining("Refusing to start with the production profile: joint-activities.demo.enabled is true");
  }

  @Test
  void refusesTheLocalMailSink() {
    assertThatThrownBy(() -> start(true, "--joint-activities.mail-sink.enabled=true"))
        .hasStackTraceContaining("joint-activities.mail-sink.enabled is true: production mail goes to a real SMTP server");
  }

  @Test
  void refusesUsersLeftWithTheDemoPassword() {
    // a demo run leaves its users behind in the database
    start(false).close();
    assertThatThrownBy(() -> start(true))
        .hasStackTraceContaining("these users still have the demo password: ")
        .hasStackTraceContaining("unodc-officer");
  }

  @Test
  void refusesTheEmbeddedDatabase() {
    assertThatThrownBy(() -> start(true))
        .hasStackTraceContaining("spring.datasource.url is an embedded H2 database");
  }

  private ConfigurableApplicationContext start(boolean production, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=production-test-" + UUID.randomUUID(),
        "--camunda.bpm.job-execution.enabled=false",
        "--joint-activities.mail-sink.port=3128",
        "--spring.mail.port=3128",
        "--logging.level.root=OFF"));
    if (production) {
      args.addAll(List.of("--spring.profiles.active=production", "--spring.mail.host=localhost",
          "--joint-activities.notifications.tasklist-url=https://ja.example.org/camunda/app/tasklist/default/",
          "--joint-activities.notifications.from=ja@example.org"));
    }
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(JointActivitiesApplication.class).run(args.toArray(String[]::new));
  }
}
