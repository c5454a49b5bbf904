package org.jointactivities.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Officers submitting proposals and reviewers approving them, over the REST API as Tasklist does,
 * against one base URL (a node, or the load balancer), until stopped. What was acknowledged is
 * kept: the references of submissions answered 200, the review tasks whose decision was answered
 * 204; and every other answer, with when it came.
 */
public final class LifecycleLoad {

  private static final List<String> OFFICERS = List.of("unodc-officer", "unodc-officer2");
  private static final List<String> REVIEWERS = List.of("unodc-reviewer", "iom-reviewer");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer that acknowledged nothing: a refusal, an error, or a server that could not be reached (status 0). */
  public record Failure(Instant at, int status, String body) {}

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicBoolean loading = new AtomicBoolean(true);
  private final Set<String> submitted = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> decided = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  private final ExecutorService clients;
  private final List<Future<Object>> running = new ArrayList<>();

  private LifecycleLoad(String baseUrl, int submitters, int reviewers) {
    this.baseUrl = baseUrl;
    this.clients = Executors.newFixedThreadPool(submitters + reviewers);
  }

  /** Starts the clients: each submitter one proposal after another, each reviewer the oldest reviews open to them. */
  public static LifecycleLoad start(String baseUrl, int submitters, int reviewers) {
    LifecycleLoad load = new LifecycleLoad(baseUrl, submitters, reviewers);
    for (int i = 0; i < submitters; i++) {
      load.submitter(OFFICERS.get(i % OFFICERS.size()));
    }
    for (int i = 0; i < reviewers; i++) {
      load.reviewer(REVIEWERS.get(i % REVIEWERS.size()), i / REVIEWERS.size());
    }
    return load;
  }

  /** Waits until at least {@code atLeast} has passed and reviewers have decided {@code decisions} (the machine may be slow). */
  public void runFor(Duration atLeast, int decisions) throws InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < atLeast.toNanos()
        || decided.size() < decisions && System.nanoTime() - start < Duration.ofMinutes(2).toNanos()) {
      Thread.sleep(200);
    }
  }

  /** Stops the clients and waits for them; a client that failed says why. */
  public void stop() throws Exception {
    loading.set(false);
    clients.shutdown();
    if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("The load's clients did not stop");
    }
    for (Future<Object> client : running) {
      client.get();
    }
  }

  public Set<String> submitted() {
    return Set.copyOf(submitted);
  }

  public List<String> decidedTasks() {
    return List.copyOf(decided);
  }

  public List<Failure> failures() {
    return List.copyOf(failures);
  }

  private void submitter(String officer) {
    running.add(clients.submit(() -> {
      while (loading.get()) {
        Optional<HttpResponse<String>> answer = post(baseUrl, officer,
            "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", Proposals.overRest()));
        if (answer.isPresent() && answer.get().statusCode() == 200) {
          submitted.add(JSON.readTree(answer.get().body()).get("businessKey").asText());
        } else if (loading.get()) {
          failures.add(failure(answer));
        }
      }
      return null;
    }));
  }

  private void reviewer(String reviewer, int offset) {
    running.add(clients.submit(() -> {
      while (loading.get()) {
        Optional<HttpResponse<String>> list = get(baseUrl, reviewer, "/engine-rest/task?taskDefinitionKey=Task_ReviewSubject"
            + "&candidateUser=" + reviewer + "&sortBy=created&sortOrder=asc&maxResults=4");
        JsonNode open = list.isPresent() && list.get().statusCode() == 200 ? JSON.readTree(list.get().body()) : null;
        if (open == null || open.size() <= offset) {
          if (open == null && loading.get()) {
            failures.add(failure(list));
          }
          Thread.sleep(100);
          continue;
        }
        String task = open.get(offset).get("id").asText();
        Optional<HttpResponse<String>> answer = post(baseUrl, reviewer, "/engine-rest/task/" + task + "/submit-form",
            Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"))));
        if (answer.isPresent() && answer.get().statusCode() == 204) {
          decided.add(task);
        } else if (loading.get() && (answer.isEmpty() || answer.get().statusCode() >= 500)) {
          // two clients of one reviewer may race for a task: the later is answered 404, the task no longer open
          failures.add(failure(answer));
        }
      }
      return null;
    }));
  }

  private static Failure failure(Optional<HttpResponse<String>> answer) {
    return new Failure(Instant.now(), answer.map(HttpResponse::statusCode).orElse(0), answer.map(HttpResponse::body).orElse(""));
  }

  /** The answer, or none when the connection broke (a killed node): such work was never acknowledged. */
  public Optional<HttpResponse<String>> post(String base, String user, String path, Object body) {
    try {
      return Optional.of(http.send(request(base, user, path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString()));
    } catch (IOException broken) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public Optional<HttpResponse<String>> get(String base, String user, String path) {
    try {
      return Optional.of(http.send(request(base, user, path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException broken) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public static String businessKey(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body()).get("businessKey").asText();
  }

  private static HttpRequest.Builder request(String base, String user, String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }
}
