package benchmark;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A JDBC driver in front of the real one ({@code jdbc:counting:h2:…}, {@code jdbc:counting:postgresql:…})
 * that counts every statement the application sends, by kind and table ("INSERT ACT_HI_DETAIL"), and
 * writes the counts every half second to the file named by the system property {@code bench.sql.counts}.
 * The same for both applications of the benchmark, so their overhead is the same.
 */
public final class CountingDriver implements Driver {

  static final String PREFIX = "jdbc:counting:";
  /** The verb and the first table: update T, insert into T, select … from T, delete from T. */
  private static final Pattern TABLE = Pattern.compile(
      "^\\s*(?:(update)|(insert)\\s+into|(select|delete)\\b.*?\\bfrom)\\s+\"?([a-z_][a-z0-9_.]*)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

  static {
    try {
      DriverManager.registerDriver(new CountingDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
    String file = System.getProperty("bench.sql.counts");
    if (file != null) {
      Thread writer = new Thread(() -> writeEvery(Path.of(file)), "sql-counts");
      writer.setDaemon(true);
      writer.start();
    }
  }

  static String kindAndTable(String sql) {
    Matcher matcher = TABLE.matcher(sql);
    if (!matcher.find()) {
      String first = sql.strip().split("\\s+", 2)[0];
      return first.toUpperCase(Locale.ROOT);
    }
    String verb = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    String table = matcher.group(4);
    table = table.substring(table.lastIndexOf('.') + 1);
    return verb.toUpperCase(Locale.ROOT) + " " + table.toUpperCase(Locale.ROOT);
  }

  private static void writeEvery(Path file) {
    while (true) {
      try {
        Thread.sleep(500);
        Map<String, Long> snapshot = new TreeMap<>();
        COUNTS.forEach((key, count) -> snapshot.put(key, count.sum()));
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, snapshot.entrySet().stream().map(e -> e.getValue() + "\t" + e.getKey())
            .collect(Collectors.joining("\n")));
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        // try again next time
      }
    }
  }

  private static void count(String sql) {
    COUNTS.computeIfAbsent(kindAndTable(sql), key -> new LongAdder()).increment();
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
    return (Connection) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {Connection.class},
        counting(real));
  }

  /** Counts each execution (a batched one included) of the statements the connection prepares or creates. */
  private static InvocationHandler counting(Connection connection) {
    return (proxy, method, arguments) -> {
      Object result = invoke(connection, method, arguments);
      if (result instanceof PreparedStatement prepared && arguments != null && arguments[0] instanceof String sql) {
        Class<?> type = result instanceof CallableStatement ? CallableStatement.class : PreparedStatement.class;
        return Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
          if (a == null && (m.getName().startsWith("execute") || m.getName().equals("addBatch"))) {
            count(sql);
          }
          return invoke(prepared, m, a);
        });
      }
      if (result instanceof Statement statement) {
        return Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {Statement.class}, (p, m, a) -> {
          if (a != null && a.length > 0 && a[0] instanceof String sql
              && (m.getName().startsWith("execute") || m.getName().equals("addBatch"))) {
            count(sql);
          }
          return invoke(statement, m, a);
        });
      }
      return result;
    };
  }

  private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
