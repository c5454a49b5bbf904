package org.jointactivities.portfolio;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same figures, search, sorting and exports on PostgreSQL, the production database, which sorts
 * empty values differently from H2. The exact counts need a database of its own, so each run creates
 * one on the server {@code .ci/run} starts (JA_TEST_POSTGRES_URL); without it this class does not run.
 */
@EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PortfolioOnPostgresTest extends PortfolioTest {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry properties) throws SQLException {
    String url = System.getenv("JA_TEST_POSTGRES_URL");
    String user = System.getenv().getOrDefault("JA_TEST_POSTGRES_USER", "postgres");
    String password = System.getenv().getOrDefault("JA_TEST_POSTGRES_PASSWORD", "");
    String database = "ja_portfolio_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    properties.add("spring.datasource.url", () -> url.substring(0, url.lastIndexOf('/') + 1) + database);
    properties.add("spring.datasource.username", () -> user);
    properties.add("spring.datasource.password", () -> password);
  }
}
