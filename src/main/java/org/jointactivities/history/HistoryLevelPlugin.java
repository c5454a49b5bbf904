package org.jointactivities.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers our history level ({@link NoCopiesHistoryLevel}; {@code camunda.bpm.history-level} names it)
 * and moves a database kept at FULL by an earlier version to it: the engine refuses to start when the
 * configured level and the database's differ. The history written so far stays as it is.
 */
@Component
class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryLevelPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      levels.addAll(configuration.getCustomHistoryLevels());
    }
    levels.add(new NoCopiesHistoryLevel());
    configuration.setCustomHistoryLevels(levels);
  }

  /** Runs before the engine checks its database's history level. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (NoCopiesHistoryLevel.NAME.equals(configuration.getHistory())) {
      moveFromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }
  }

  private static void moveFromFull(DataSource dataSource, String prefix) {
    String table = (prefix == null ? "" : prefix) + "ACT_GE_PROPERTY";
    try (Connection connection = dataSource.getConnection()) {
      if (!hasTable(connection, table)) {
        return; // a new database: the engine writes our level
      }
      try (PreparedStatement update = connection.prepareStatement(
          "update " + table + " set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
        update.setString(1, String.valueOf(NoCopiesHistoryLevel.ID));
        update.setString(2, String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        if (update.executeUpdate() > 0) {
          LOG.info("History level moved from full to {}: the history written so far is kept", NoCopiesHistoryLevel.NAME);
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not move the database's history level to " + NoCopiesHistoryLevel.NAME, e);
    }
  }

  private static boolean hasTable(Connection connection, String table) throws SQLException {
    for (String name : List.of(table, table.toLowerCase())) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
