package org.jointactivities.deployment;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one empty PostgreSQL database take turns building the engine: Camunda
 * creates and updates its tables without a lock of its own, so the second node failed with
 * "relation already exists" (measured by cluster/NodeKillFaultTest). A PostgreSQL advisory lock,
 * taken before the engine's schema operations and let go once the engine is built, makes the next
 * node find the tables made. Deployments have Camunda's own lock; our tables, Flyway's. Nothing to
 * do on the embedded H2, which one node uses.
 */
@Component
class EngineSchemaLock extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaLock.class);
  /** Any number the application uses for nothing else: "JASCHEMA" in ASCII. */
  private static final long KEY = 0x4A41534348454D41L;
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private final DataSource dataSource;
  private Connection held;

  EngineSchemaLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!tryLock(connection)) {
        if (System.nanoTime() > deadline) {
          connection.close();
          throw new IllegalStateException("Another node has been building the engine on this database for " + PATIENCE
              + " (advisory lock " + KEY + "): is a node stuck starting?");
        }
        LOG.info("Another node is building the engine on this database; waiting for it");
        Thread.sleep(1000);
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the engine's schema lock", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for another node to build the engine", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    release();
  }

  /** Also when the engine failed to build: the lock must not outlive this start. */
  @PreDestroy
  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Could not let go of the engine's schema lock (the database drops it with the connection): {}", e.getMessage());
    } finally {
      held = null;
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
      return result.next() && result.getBoolean(1);
    }
  }
}
