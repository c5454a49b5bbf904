package org.jointactivities.activity;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out activity references {@code JA-<year>-<sequence>}, each exactly once, also across nodes
 * sharing a database and across a crash.
 *
 * <p>The year's counter row is incremented in a transaction of its own that commits at once, so
 * concurrent submissions wait for one another only for that update, not for the whole submission
 * (which once held the row lock through the engine's start of the process and timed out under load).
 * That transaction runs on a small pool of its own: taking a second connection from the main pool
 * while holding one could exhaust it when many submit at once. A submission that fails after
 * numbering leaves a gap in the sequence; a number is never handed out twice.
 */
@Component
class ReferenceNumbers implements DisposableBean {

  private static final int ATTEMPTS = 3;

  private final HikariDataSource counterPool;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  ReferenceNumbers(DataSourceProperties database) {
    counterPool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    counterPool.setPoolName("reference-numbers");
    counterPool.setMaximumPoolSize(2);
    counterPool.setMinimumIdle(0);
    jdbc = new JdbcTemplate(counterPool);
    ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(counterPool));
  }

  String next(int year) {
    for (int attempt = 1; ; attempt++) {
      try {
        int sequence = ownTransaction.execute(status -> increment(year));
        return "JA-%d-%04d".formatted(year, sequence);
      } catch (DuplicateKeyException firstOfTheYearCreatedElsewhere) {
        if (attempt == ATTEMPTS) {
          throw firstOfTheYearCreatedElsewhere;
        }
      }
    }
  }

  private int increment(int year) {
    int updated = jdbc.update("update reference_counter set last_value = last_value + 1 where ref_year = ?", year);
    if (updated == 0) {
      // the year's first submission; a concurrent one inserting too makes this fail, and we count again
      jdbc.update("insert into reference_counter (ref_year, last_value) values (?, 1)", year);
      return 1;
    }
    return jdbc.queryForObject("select last_value from reference_counter where ref_year = ?", Integer.class, year);
  }

  @Override
  public void destroy() {
    counterPool.close();
  }
}
