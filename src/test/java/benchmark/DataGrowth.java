package benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jointactivities.support.ApplicationProcess;
import org.jointactivities.support.Proposals;

/**
 * The data-growth run ({@code -Dbenchmark.mode=growth}): our application on a new database is filled
 * through its own start form, as officers submit proposals (every tenth taken through both reviews and
 * both signatures), up to each size of {@code benchmark.sizes} (default 1000,10000) in turn; at each
 * size, warm, the calls whose cost grows with the data are timed: the managers' search, portfolio
 * figures (the Cockpit plugin's call) and exports, and a reviewer's Tasklist filter list.
 */
final class DataGrowth {

  /** Officers submitting at once while the data is made. */
  private static final int GENERATORS = 8;

  record Size(int activities, double generatedPerSecond, Map<String, double[]> latencies, double csvRowsPerSecond,
      double iatiActivitiesPerSecond, double databaseKbPerActivity, long heapMb) {}

  private DataGrowth() {}

  static String run(String database, Path work, boolean smoke) throws Exception {
    List<Integer> sizes = smoke ? List.of(20) : Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000")
        .split(",")).map(String::strip).map(Integer::valueOf).toList();
    int timings = smoke ? 2 : 30;
    List<Size> results = new ArrayList<>();
    try (ApplicationProcess ours = LifecycleBenchmark.start("ours", database, work.resolve("growth"))) {
      RestClient client = new RestClient(ours.baseUrl(), "demo");
      DatabaseSize size = LifecycleBenchmark.sizeOf("ours");
      String reviews = filterId(client, "unodc-reviewer", "My agency's reviews");
      int made = 0;
      for (int target : sizes) {
        long started = System.nanoTime();
        generate(client, made, target);
        double seconds = (System.nanoTime() - started) / 1e9;
        // the mails of the submissions go out first: their senders would otherwise share the two
        // cores with the calls being timed
        long mailBacklog = waitForTheMails(client);
        Recorder recorder = new Recorder();
        long[] csvRows = new long[1];
        long[] iatiActivities = new long[1];
        for (int round = 0; round < timings + 3; round++) {
          // the first three rounds warm up (JIT, caches) and are not kept
          Recorder into = round < 3 ? new Recorder() : recorder;
          into.time("search (state, page 3 of 20, by budget)", () -> client.get("unodc-manager",
              "/api/activities?state=IN_REVIEW&page=2&size=20&sort=totalBudget,desc"));
          into.time("portfolio figures (Cockpit plugin)", () -> client.get("unodc-manager", "/api/portfolio"));
          into.time("reviewer's Tasklist list (15, newest first, and count)", () -> {
            client.post("unodc-reviewer", "/engine-rest/filter/" + reviews + "/list?firstResult=0&maxResults=15",
                Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
            return client.post("unodc-reviewer", "/engine-rest/filter/" + reviews + "/count", Map.of());
          });
          csvRows[0] = into.time("CSV export", () -> client.lines("unodc-manager", "/api/activities/export.csv")) - 1;
          iatiActivities[0] = into.time("IATI export", () -> client.count("unodc-manager",
              "/api/activities/export.iati.xml", "<iati-activity "));
        }
        Map<String, double[]> latencies = recorder.percentiles();
        results.add(new Size(target, (target - made) / seconds, latencies,
            csvRows[0] / (latencies.get("CSV export")[0] / 1000), iatiActivities[0] / (latencies.get("IATI export")[0] / 1000),
            size.bytes() / 1024.0 / target, Machine.heapUsedMb(ours.pid())));
        System.out.println(String.format(Locale.ROOT, "%s growth: %d activities (%.1f made per s; waited for %d mails)",
            database, target, (target - made) / seconds, mailBacklog));
        made = target;
      }
    }
    return table(database, results);
  }

  /** Activities {@code from} to {@code to}, submitted by officers at once; every tenth is taken to signature. */
  private static void generate(RestClient client, int from, int to) throws Exception {
    AtomicInteger next = new AtomicInteger(from);
    ExecutorService officers = Executors.newFixedThreadPool(GENERATORS);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < GENERATORS; i++) {
      running.add(officers.submit(() -> {
        for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
          if (n % 10 == 0) {
            Lifecycles.OURS.run(client, new Recorder());
          } else {
            client.post("unodc-officer", "/engine-rest/process-definition/key/JointActivityProposal/submit-form",
                Map.of("variables", Proposals.overRest()));
          }
        }
        return null;
      }));
    }
    try {
      for (Future<?> officer : running) {
        officer.get();
      }
    } finally {
      officers.shutdownNow();
    }
  }

  /** Waits until no mail is pending (at most 30 minutes); answers how many were pending at first. */
  private static long waitForTheMails(RestClient client) throws Exception {
    long first = -1;
    long deadline = System.nanoTime() + 1_800_000_000_000L;
    while (System.nanoTime() < deadline) {
      long pending = client.get("admin", "/actuator/health").at("/components/mailDelivery/details/pending").asLong(-1);
      if (pending < 0) {
        throw new IllegalStateException("The health endpoint does not show the mail backlog");
      }
      first = first < 0 ? pending : first;
      if (pending == 0) {
        return first;
      }
      Thread.sleep(2000);
    }
    throw new IllegalStateException("Mails still pending after 30 minutes");
  }

  private static String filterId(RestClient client, String user, String name) throws Exception {
    JsonNode found = client.get(user, "/engine-rest/filter?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    if (found.size() != 1) {
      throw new IllegalStateException("No Tasklist filter '" + name + "' for " + user);
    }
    return found.get(0).get("id").asText();
  }

  private static String table(String database, List<Size> sizes) {
    StringBuilder out = new StringBuilder("### Data growth on ").append(database).append("\n\n")
        .append("p50 / p95 in ms, warm, over the timed rounds at each size; exports as rows (activities) per second at the median.\n\n")
        .append("| activities | made per s | search | portfolio (Cockpit plugin) | reviewer's Tasklist list | CSV | CSV rows/s "
            + "| IATI | IATI activities/s | database per activity (KB) | heap after (MB) |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Size size : sizes) {
      Map<String, double[]> l = size.latencies();
      out.append(String.format(Locale.ROOT, "| %d | %.1f | %s | %s | %s | %s | %.0f | %s | %.0f | %.0f | %d |%n", size.activities(),
          size.generatedPerSecond(), pair(l, "search (state, page 3 of 20, by budget)"),
          pair(l, "portfolio figures (Cockpit plugin)"), pair(l, "reviewer's Tasklist list (15, newest first, and count)"),
          pair(l, "CSV export"), size.csvRowsPerSecond(), pair(l, "IATI export"), size.iatiActivitiesPerSecond(),
          size.databaseKbPerActivity(), size.heapMb()));
    }
    return out.append("\n").toString();
  }

  private static String pair(Map<String, double[]> latencies, String kind) {
    double[] p = latencies.get(kind);
    return String.format(Locale.ROOT, "%.0f / %.0f", p[0], p[1]);
  }
}
