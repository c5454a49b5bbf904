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
 * Hands out references {@code <series>-<year>-<sequence>} — activities {@code JA-2027-0001},
 * information requests {@code IX-2027-0001} — each exactly once, also across nodes sharing a
 * database and across a crash; each series counts on its own.
 *
 * <p>The series' counter row of the year is incremented in a transaction of its own that commits at once, so
 * concurrent submissions wait for one another only for that update, not for the whole submission
 * (which once held the row lock through the engine's start of the process and timed out under load).
 * That transaction runs on a small pool of its own: taking a second connection from the main pool
 * while holding one could exhaust it when many submit at once. A submission that fails after
 * numbering leaves a gap in the sequence; a number is never handed out twice.
 */
@Component
public class ReferenceNumbers implements DisposableBean {

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

  /** @param series two upper-case letters, e.g. {@code JA} */
  public String next(String series, int year) {
    for (int attempt = 1; ; attempt++) {
      try {
        int sequence = ownTransaction.execute(status -> increment(series, year));
        return "%s-%d-%04d".formatted(series, year, sequence);
      } catch (DuplicateKeyException firstOfTheYearCreatedElsewhere) {
        if (attempt == ATTEMPTS) {
          throw firstOfTheYearCreatedElsewhere;
        }
      }
    }
  }

  private int increment(String series, int year) {
    int updated = jdbc.update("update reference_sequence set last_value = last_value + 1 where series = ? and ref_year = ?",
        series, year);
    if (updated == 0) {
      // the year's first submission; a concurrent one inserting too makes this fail, and we count again
      jdbc.update("insert into reference_sequence (series, ref_year, last_value) values (?, ?, 1)", series, year);
      return 1;
    }
    return jdbc.queryForObject("select last_value from reference_sequence where series = ? and ref_year = ?",
        Integer.class, series, year);
  }

  @Override
  public void destroy() {
    counterPool.close();
  }
}
