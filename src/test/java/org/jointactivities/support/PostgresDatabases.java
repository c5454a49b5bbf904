package org.jointactivities.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases of their own on the PostgreSQL server that {@code .ci/run} starts (JA_TEST_POSTGRES_URL),
 * for tests and the benchmark that need exact counts or a process of their own.
 */
public final class PostgresDatabases {

  private PostgresDatabases() {}

  /** Creates an empty database named after the prefix and answers its JDBC URL. */
  public static String create(String prefix) {
    String url = System.getenv("JA_TEST_POSTGRES_URL");
    String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(url, user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database + " at " + url, e);
    }
    return url.substring(0, url.lastIndexOf('/') + 1) + database;
  }

  public static String user() {
    return System.getenv().getOrDefault("JA_TEST_POSTGRES_USER", "postgres");
  }

  public static String password() {
    return System.getenv().getOrDefault("JA_TEST_POSTGRES_PASSWORD", "");
  }
}
