package org.jointactivities.portfolio;

import org.jointactivities.support.PostgresDatabases;
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
  static void ownDatabase(DynamicPropertyRegistry properties) {
    String url = PostgresDatabases.create("ja_portfolio");
    properties.add("spring.datasource.url", () -> url);
    properties.add("spring.datasource.username", PostgresDatabases::user);
    properties.add("spring.datasource.password", PostgresDatabases::password);
  }
}
