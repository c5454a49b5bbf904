package benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jointactivities.support.PostgresDatabases;

/**
 * How many bytes an application's database takes on disk: the H2 file, or PostgreSQL's
 * {@code pg_database_size} (tables and indexes with their dead rows, not yet vacuumed: an upper bound).
 */
@FunctionalInterface
interface DatabaseSize {

  long bytes();

  static DatabaseSize h2(Path file) {
    return () -> {
      try {
        return Files.exists(file) ? Files.size(file) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  static DatabaseSize postgres(String url) {
    return () -> {
      try (Connection connection = DriverManager.getConnection(url, PostgresDatabases.user(), PostgresDatabases.password());
          Statement statement = connection.createStatement();
          ResultSet size = statement.executeQuery("select pg_database_size(current_database())")) {
        size.next();
        return size.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read the size of " + url, e);
      }
    };
  }
}
