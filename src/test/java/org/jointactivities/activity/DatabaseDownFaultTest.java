package org.jointactivities.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.jointactivities.JointActivitiesApplication;
import org.jointactivities.support.PostgresDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The node's database stops taking connections (PostgreSQL refuses them and ends the open ones):
 * readiness turns DOWN (503), so that a load balancer stops sending people to a node that cannot
 * serve them, and so does the node's health as a whole, while liveness stays UP (restarting the node
 * would not help); once the database takes connections again the node is ready again by itself.
 * (Mapping DEGRADED to 200 had replaced Spring's defaults, so that DOWN answered 200 too.)
 */
@EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class DatabaseDownFaultTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private ConfigurableApplicationContext application;
  private String database;

  @BeforeEach
  void aNodeOnItsOwnDatabase() {
    String url = PostgresDatabases.create("ja_down");
    database = url.substring(url.lastIndexOf('/') + 1);
    application = new SpringApplicationBuilder(JointActivitiesApplication.class).run(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + PostgresDatabases.user(),
        "--spring.datasource.password=" + PostgresDatabases.password(),
        // a probe should not wait the pool's default 30 s for a connection that will not come
        "--spring.datasource.hikari.connection-timeout=2000",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=dbdown",
        "--logging.level.root=WARN",
        "--logging.level.com.zaxxer.hikari=OFF");
  }

  @AfterEach
  void stop() throws Exception {
    allowConnections(true);
    application.close();
  }

  @Test
  void readinessFollowsTheDatabaseAndLivenessStaysUp() throws Exception {
    assertThat(status("/actuator/health/readiness")).isEqualTo(200);

    allowConnections(false);
    await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 503);
    assertThat(status("/actuator/health")).as("the node's health while the database is away").isEqualTo(503);
    assertThat(status("/actuator/health/liveness")).as("liveness while the database is away").isEqualTo(200);

    allowConnections(true);
    await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);
  }

  private void allowConnections(boolean allowed) throws Exception {
    try (Connection admin = DriverManager.getConnection(System.getenv("JA_TEST_POSTGRES_URL"), PostgresDatabases.user(),
        PostgresDatabases.password()); Statement statement = admin.createStatement()) {
      statement.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + allowed);
      if (!allowed) {
        statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
      }
    }
  }

  private int status(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
        + application.getEnvironment().getProperty("local.server.port") + path)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
