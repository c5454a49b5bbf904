package benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** docs/benchmarks.md: the figures of one run, ours beside bare Camunda, as Markdown tables. */
final class Report {

  /** The line in docs/benchmarks.md below which a run writes; the analysis above it is kept. */
  static final String MARKER = "<!-- Everything below is written by mvn -Pbenchmark verify -->";

  private Report() {}

  /** Where the data-growth run writes in docs/benchmarks.md: between these two lines, above {@link #MARKER}. */
  static final String GROWTH_START = "<!-- Data growth: written by mvn -Pbenchmark verify -Dbenchmark.mode=growth -->";
  static final String GROWTH_END = "<!-- End of the data growth -->";

  static String growthHeader() {
    return "## Data growth\n\nWritten by `mvn -Pbenchmark verify -Dbenchmark.mode=growth` (`benchmark.DataGrowth`) on "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ".\n\n* Machine: " + Machine.describe() + ".\n"
        + "* Our application on a new database, filled through its start form by 8 officers at once, every tenth "
        + "activity taken through both reviews and both signatures; at each size the calls below, warm.\n\n";
  }

  /** The file with the data-growth section replaced (added above the latest run when it has none). */
  static String replacingGrowth(java.nio.file.Path file, String growth) throws java.io.IOException {
    String existing = java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : MARKER + "\n";
    String section = GROWTH_START + "\n\n" + growth + GROWTH_END;
    int start = existing.indexOf(GROWTH_START);
    int end = existing.indexOf(GROWTH_END);
    if (start >= 0 && end > start) {
      return existing.substring(0, start) + section + existing.substring(end + GROWTH_END.length());
    }
    int marker = existing.indexOf(MARKER);
    return marker < 0 ? existing + "\n" + section + "\n" : existing.substring(0, marker) + section + "\n\n" + existing.substring(marker);
  }

  static String keepingWhatIsAbove(java.nio.file.Path file, String run) throws java.io.IOException {
    if (!java.nio.file.Files.exists(file)) {
      return run;
    }
    String existing = java.nio.file.Files.readString(file);
    int marker = existing.indexOf(MARKER);
    return marker < 0 ? run : existing.substring(0, marker + MARKER.length()) + "\n\n" + run;
  }

  static String header(boolean smoke, Duration phase) {
    return "## Latest run\n\n"
        + (smoke ? "**Smoke run** (one lifecycle each; its figures mean nothing).\n\n" : "")
        + "Written by `mvn -Pbenchmark verify` (`benchmark.LifecycleBenchmark`) on "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ".\n\n"
        + "* Machine: " + Machine.describe() + ".\n"
        + "* Each phase: " + phase.toSeconds() + " s of lifecycles per client count, after a 10 s warm-up; ours and "
        + "bare run side by side and are loaded in turn (ours first at 1 and 16 clients, bare first at 4).\n"
        + "* A lifecycle, over the engine REST API as Tasklist drives it: start (ours: the proposal's start form), then "
        + "per task list, open (its form's variables), claim and submit the form — two reviews, two signatures — "
        + "until the end (ours: the activity is SIGNED). Waits poll every 20 ms. Bare: `src/test/java/benchmark/bare` "
        + "(same shape, H2 file or "
        + "PostgreSQL, full history, authorization on, HTTP Basic; no delegates, tables or mails).\n"
        + "* Statements: every statement each application sent (`benchmark.CountingDriver`), polling included, per "
        + "lifecycle.\n\n";
  }

  static String line(String database, LifecycleBenchmark.Phase phase) {
    return String.format(Locale.ROOT, "%s %s %2d clients: %d lifecycles in %.1f s = %.2f/s, %d failed%s", database,
        phase.target(), phase.clients(), phase.lifecycles(), phase.seconds(), phase.perSecond(), phase.failures(),
        phase.firstFailure() == null ? "" : " (first: " + phase.firstFailure() + ")");
  }

  static String section(String database, List<LifecycleBenchmark.Phase> phases) {
    StringBuilder out = new StringBuilder("### " + database + "\n\n");
    out.append("| clients | ours lifecycles/s | bare lifecycles/s | ours ÷ bare | statements per lifecycle, ours | bare | ours ÷ bare | failed (ours/bare) |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    for (int clients : phases.stream().map(LifecycleBenchmark.Phase::clients).collect(Collectors.toCollection(TreeSet::new))) {
      LifecycleBenchmark.Phase ours = find(phases, "ours", clients);
      LifecycleBenchmark.Phase bare = find(phases, "bare", clients);
      double oursStatements = perLifecycle(ours);
      double bareStatements = perLifecycle(bare);
      out.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f | %d/%d |%n", clients,
          ours.perSecond(), bare.perSecond(), ours.perSecond() / bare.perSecond(), oursStatements, bareStatements,
          oursStatements / bareStatements, ours.failures(), bare.failures()));
    }
    int most = phases.stream().mapToInt(LifecycleBenchmark.Phase::clients).max().orElse(1);
    LifecycleBenchmark.Phase ours = find(phases, "ours", most);
    LifecycleBenchmark.Phase bare = find(phases, "bare", most);
    out.append("\n#### Latency at ").append(most).append(" clients (ms, p50 / p95 / p99)\n\n");
    out.append("| call or wait | ours | bare | p95 ours ÷ bare |\n|---|---|---|---|\n");
    TreeSet<String> kinds = new TreeSet<>(ours.latencies().keySet());
    kinds.addAll(bare.latencies().keySet());
    for (String kind : kinds) {
      double[] o = ours.latencies().get(kind);
      double[] b = bare.latencies().get(kind);
      out.append("| ").append(kind).append(" | ").append(triple(o)).append(" | ").append(triple(b)).append(" | ")
          .append(o == null || b == null ? "" : String.format(Locale.ROOT, "%.2f", o[1] / b[1])).append(" |\n");
    }
    out.append("\n#### Statements per lifecycle by table at ").append(most).append(" clients (largest first)\n\n");
    out.append("| statement | ours | bare |\n|---|---|---|\n");
    TreeSet<String> keys = new TreeSet<>(ours.statements().keySet());
    keys.addAll(bare.statements().keySet());
    keys.stream().sorted((a, b) -> Double.compare(per(ours, b) + per(bare, b), per(ours, a) + per(bare, a))).limit(25)
        .forEach(key -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", key, per(ours, key), per(bare, key))));
    out.append("\n#### Memory, disk and load\n\nDatabase growth: how much the database grew during the phase, per "
        + "lifecycle (" + (database.equals("H2") ? "the H2 file, which grows in chunks and reuses freed space"
        : "pg_database_size, dead rows not yet vacuumed included") + ").\n\n"
        + "| phase | heap used (MB) | RSS (MB) | database growth per lifecycle (KB) | load (1 min) before → after |\n"
        + "|---|---|---|---|---|\n");
    for (LifecycleBenchmark.Phase phase : phases) {
      out.append(String.format(Locale.ROOT, "| %s, %d clients | %d | %d | %.0f | %s |%n", phase.target(), phase.clients(),
          phase.heapMb(), phase.rssMb(), phase.lifecycles() == 0 ? 0.0 : phase.databaseGrowth() / 1024.0 / phase.lifecycles(),
          phase.load()));
    }
    phases.stream().filter(phase -> phase.firstFailure() != null).forEach(phase -> out.append("\n")
        .append(phase.target()).append(" at ").append(phase.clients()).append(" clients, first failure: `")
        .append(phase.firstFailure().replace('`', '\'')).append("`\n"));
    return out.append("\n").toString();
  }

  private static LifecycleBenchmark.Phase find(List<LifecycleBenchmark.Phase> phases, String target, int clients) {
    return phases.stream().filter(p -> p.target().equals(target) && p.clients() == clients).findFirst().orElseThrow();
  }

  private static double perLifecycle(LifecycleBenchmark.Phase phase) {
    return phase.statements().values().stream().mapToLong(Long::longValue).sum() / (double) Math.max(1, phase.lifecycles());
  }

  private static double per(LifecycleBenchmark.Phase phase, String key) {
    Map<String, Long> statements = phase.statements();
    return statements.getOrDefault(key, 0L) / (double) Math.max(1, phase.lifecycles());
  }

  private static String triple(double[] values) {
    return values == null ? "" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f", values[0], values[1], values[2]);
  }
}
