package org.jointactivities.deployment;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one PostgreSQL database take turns: Camunda creates and updates its
 * tables without a lock of its own (the second node failed with "relation already exists", measured
 * by cluster/NodeKillFaultTest), and our start-up writes (roles and grants, Tasklist filters, demo
 * people) check before they write. A PostgreSQL advisory lock, taken before the engine's schema
 * operations and held until the application is ready, makes the next node find all of it made.
 * The lock is a transaction's: it ends with the transaction, also when the node dies or the
 * connection goes back to the pool. Deployments have Camunda's own lock; our tables, Flyway's.
 * Nothing to do on the embedded H2, which one node uses.
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
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      connection.setAutoCommit(false);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!tryLock(connection)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Another node has been starting on this database for " + PATIENCE
              + " (advisory lock " + KEY + "): is a node stuck starting?");
        }
        LOG.info("Another node is starting on this database; waiting for it");
        Thread.sleep(1000);
      }
      held = connection;
      connection = null;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for another node to start", e);
    } finally {
      close(connection);
    }
  }

  /** Once this node has made what it makes at start; also when its start failed. */
  @EventListener(ApplicationReadyEvent.class)
  @PreDestroy
  synchronized void release() {
    if (held == null) {
      return;
    }
    try {
      held.rollback(); // ends the transaction, and with it the lock; nothing else was done in it
    } catch (SQLException e) {
      LOG.warn("Could not end the start-up lock's transaction (the database ends it with the connection): {}", e.getMessage());
    } finally {
      close(held);
      held = null;
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_try_advisory_xact_lock(" + KEY + ")")) {
      return result.next() && result.getBoolean(1);
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the pool discards a connection it cannot reset
      }
    }
  }
}
