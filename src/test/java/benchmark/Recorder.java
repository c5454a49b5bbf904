package benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/** Durations per kind of call or wait, from all clients of one phase. */
final class Recorder {

  private static final long POLL_NANOS = 20_000_000;
  private final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();

  interface Probe {
    boolean done() throws Exception;
  }

  <T> T time(String kind, Callable<T> call) throws Exception {
    long start = System.nanoTime();
    T result = call.call();
    add(kind, System.nanoTime() - start);
    return result;
  }

  /** Polls (every 20 ms, as a waiting user's list refreshes faster than any person) until done; times from {@code since}. */
  void until(String kind, long since, Probe probe) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!probe.done()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Waited two minutes for " + kind);
      }
      Thread.sleep(POLL_NANOS / 1_000_000);
    }
    add(kind, System.nanoTime() - since);
  }

  private void add(String kind, long duration) {
    nanos.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(duration);
  }

  /** p50, p95, p99 in milliseconds per kind. */
  Map<String, double[]> percentiles() {
    Map<String, double[]> result = new TreeMap<>();
    nanos.forEach((kind, values) -> {
      List<Long> sorted;
      synchronized (values) {
        sorted = new ArrayList<>(values);
      }
      sorted.sort(null);
      result.put(kind, new double[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)});
    });
    return result;
  }

  private static double at(List<Long> sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
