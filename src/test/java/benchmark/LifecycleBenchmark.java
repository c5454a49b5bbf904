package benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jointactivities.support.ApplicationProcess;
import org.jointactivities.support.PostgresDatabases;

/**
 * Our application against a bare Camunda application of the same shape, both started here and driven
 * over REST as Tasklist drives them, interleaved (ours, bare; then bare, ours at the next level), at 1,
 * 4 and 16 concurrent clients, on H2 and — when JA_TEST_POSTGRES_URL names a server — on PostgreSQL.
 * Prints lifecycles per second and their ratio, p50/p95/p99 per call, the time from a completion to the
 * next task, SQL statements per lifecycle by table, heap and RSS, the machine and its load, and writes
 * them to docs/benchmarks.md. {@code smoke} runs one lifecycle per application on H2 and writes
 * target/benchmark-smoke.md: it fails when the benchmark breaks, never on a timing.
 *
 * <p>Run: {@code mvn -Pbenchmark verify} (smoke: {@code mvn -Pbenchmark verify -Dbenchmark.mode=smoke}); with
 * {@code JA_BENCHMARK_JFR=<folder>} each application also records a CPU profile there.
 */
public final class LifecycleBenchmark {

  private static final List<Integer> CLIENTS = List.of(1, 4, 16);

  record Target(String name, ApplicationProcess process, RestClient client, Path sqlCounts, Lifecycles lifecycle,
      DatabaseSize database) {}

  record Phase(String target, int clients, int lifecycles, int failures, double seconds, Map<String, double[]> latencies,
      Map<String, Long> statements, long heapMb, long rssMb, String load, String firstFailure, long databaseGrowth) {

    double perSecond() {
      return lifecycles / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "full";
    boolean smoke = mode.equals("smoke");
    Duration phase = smoke ? Duration.ZERO : Duration.ofSeconds(Long.getLong("benchmark.seconds", 30));
    Path work = Files.createTempDirectory("ja-benchmark");
    List<String> databases = new ArrayList<>(List.of("H2"));
    String postgres = System.getenv("JA_TEST_POSTGRES_URL");
    if (!smoke && postgres != null && postgres.startsWith("jdbc:postgresql:")) {
      databases.add("PostgreSQL");
    }
    if (mode.equals("growth")) {
      StringBuilder growth = new StringBuilder(Report.growthHeader());
      for (String database : databases) {
        growth.append(DataGrowth.run(database, work, false));
      }
      deleteQuietly(work);
      Path out = Path.of("docs", "benchmarks.md");
      Files.writeString(out, Report.replacingGrowth(out, growth.toString()));
      System.out.println(growth);
      System.out.println("Written to " + out);
      return;
    }
    StringBuilder report = new StringBuilder(Report.header(smoke, phase));
    boolean failed = false;
    for (String database : databases) {
      List<Phase> phases = new ArrayList<>();
      try (ApplicationProcess ours = start("ours", database, work); ApplicationProcess bare = start("bare", database, work)) {
        Target oursTarget = new Target("ours", ours, new RestClient(ours.baseUrl(), "demo"), work.resolve("ours-" + database + ".sql"),
            Lifecycles.OURS, SIZES.get("ours"));
        Target bareTarget = new Target("bare", bare, new RestClient(bare.baseUrl(), "bench"), work.resolve("bare-" + database + ".sql"),
            Lifecycles.BARE, SIZES.get("bare"));
        // warm both up (class loading, JIT, caches) before anything is measured
        run(oursTarget, 2, smoke ? Duration.ZERO : Duration.ofSeconds(10));
        run(bareTarget, 2, smoke ? Duration.ZERO : Duration.ofSeconds(10));
        List<Integer> levels = smoke ? List.of(1) : CLIENTS;
        for (int i = 0; i < levels.size(); i++) {
          List<Target> order = i % 2 == 0 ? List.of(oursTarget, bareTarget) : List.of(bareTarget, oursTarget);
          for (Target target : order) {
            Phase result = run(target, levels.get(i), phase);
            System.out.println(Report.line(database, result));
            phases.add(result);
            failed |= result.failures() > 0;
          }
        }
      }
      report.append(Report.section(database, phases));
    }
    if (smoke) {
      // the data-growth run's own path, on a few activities: it fails when the harness breaks
      report.append(Report.growthHeader()).append(DataGrowth.run("H2", work, true));
    }
    deleteQuietly(work);
    Path out = smoke ? Path.of("target", "benchmark-smoke.md") : Path.of("docs", "benchmarks.md");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, Report.keepingWhatIsAbove(out, report.toString()));
    System.out.println(report);
    System.out.println("Written to " + out);
    if (failed) {
      System.err.println("Some lifecycles failed: see the report");
      System.exit(1);
    }
  }

  /** Each application's database, to measure how it grows: set when the application starts. */
  private static final Map<String, DatabaseSize> SIZES = new HashMap<>();

  /** The size on disk of the database of the application last started as {@code which}. */
  static DatabaseSize sizeOf(String which) {
    return SIZES.get(which);
  }

  static ApplicationProcess start(String which, String database, Path work) throws Exception {
    Files.createDirectories(work);
    Path sqlCounts = work.resolve(which + "-" + database + ".sql");
    List<String> jvm = new ArrayList<>(List.of("-Dbench.sql.counts=" + sqlCounts));
    String recordings = System.getenv("JA_BENCHMARK_JFR");
    if (recordings != null) {
      // a CPU profile of each application for the whole run (Java Flight Recorder), to find what costs
      jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + Path.of(recordings, which + "-" + database + ".jfr"));
    }
    String url;
    List<String> credentials = new ArrayList<>();
    if (database.equals("H2")) {
      // our shipped options (config/application.yml) for both
      url = "jdbc:counting:h2:file:" + work.resolve(which + "-data").resolve("db") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
      SIZES.put(which, DatabaseSize.h2(work.resolve(which + "-data").resolve("db.mv.db")));
    } else {
      String postgres = PostgresDatabases.create("ja_bench_" + which);
      url = "jdbc:counting:" + postgres.substring("jdbc:".length());
      SIZES.put(which, DatabaseSize.postgres(postgres));
      credentials.add("--spring.datasource.username=" + PostgresDatabases.user());
      credentials.add("--spring.datasource.password=" + PostgresDatabases.password());
    }
    List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
        "--spring.datasource.driver-class-name=" + CountingDriver.class.getName(), "--logging.level.root=WARN"));
    arguments.addAll(credentials);
    Path log = work.resolve(which + "-" + database + ".log");
    if (which.equals("ours")) {
      arguments.add("--joint-activities.mail-sink.port=0");
      return ApplicationProcess.start("org.jointactivities.JointActivitiesApplication", true, jvm, log, arguments);
    }
    arguments.add("--spring.config.location=classpath:/benchmark/bare/bare.yml");
    return ApplicationProcess.start("benchmark.bare.BareCamundaApplication", true, jvm, log, arguments);
  }

  /** {@code clients} threads run lifecycles until {@code duration} is over (each at least one). */
  private static Phase run(Target target, int clients, Duration duration) throws Exception {
    Recorder recorder = new Recorder();
    Map<String, Long> before = SqlCounts.read(target.sqlCounts());
    long bytesBefore = target.database().bytes();
    String loadBefore = Machine.load();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<String> failuresSeen = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      running.add(pool.submit(() -> {
        do {
          try {
            target.lifecycle().run(target.client(), recorder);
            done.incrementAndGet();
          } catch (Exception e) {
            failures.incrementAndGet();
            failuresSeen.add(e.getMessage());
          }
        } while (System.nanoTime() < end);
        return null;
      }));
    }
    for (Future<?> client : running) {
      client.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Thread.sleep(1200); // the counts file is written every half second
    Map<String, Long> after = SqlCounts.read(target.sqlCounts());
    Map<String, Long> statements = new TreeMap<>();
    after.forEach((key, count) -> {
      long delta = count - before.getOrDefault(key, 0L);
      if (delta > 0) {
        statements.put(key, delta);
      }
    });
    return new Phase(target.name(), clients, done.get(), failures.get(), seconds, recorder.percentiles(), statements,
        Machine.heapUsedMb(target.process().pid()), Machine.rssMb(target.process().pid()),
        loadBefore + " → " + Machine.load(), failuresSeen.isEmpty() ? null : failuresSeen.get(0),
        target.database().bytes() - bytesBefore);
  }

  /** The counts CountingDriver writes: statement kind and table to count. */
  static final class SqlCounts {
    static Map<String, Long> read(Path file) throws IOException {
      Map<String, Long> counts = new HashMap<>();
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file)) {
          String[] parts = line.split("\t", 2);
          if (parts.length == 2) {
            counts.put(parts[1], Long.parseLong(parts[0]));
          }
        }
      }
      return counts;
    }
  }

  /** The databases and logs of the run: gigabytes after a long one. */
  private static void deleteQuietly(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private LifecycleBenchmark() {}
}
