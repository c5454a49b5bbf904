package org.jointactivities.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
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
import org.jointactivities.support.ApplicationProcess;
import org.jointactivities.support.PostgresDatabases;
import org.jointactivities.support.Proposals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application killed with SIGKILL under load (officers submitting, reviewers deciding, over
 * the REST API as Tasklist does), then started again on the same database: every submission and
 * every review decision that was acknowledged is there, and no reference is given twice. On the
 * embedded H2 default (its shipped URL, only the folder moved) and on PostgreSQL.
 */
class CrashFaultTest {

  static final int SUBMITTERS = 4;
  static final int REVIEWERS = 4;
  static final Duration LOAD = Duration.ofSeconds(8);
  private static final List<String> OFFICERS = List.of("unodc-officer", "unodc-officer2");
  private static final List<String> REVIEWER_IDS = List.of("unodc-reviewer", "iom-reviewer");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // kept when a test fails: the application's log says why
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder;

  @Test
  void nothingAcknowledgedIsLostOnTheEmbeddedDatabase() throws Exception {
    crashUnderLoadAndCount("--joint-activities.data-dir=" + folder.resolve("data"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
  void nothingAcknowledgedIsLostOnPostgres() throws Exception {
    crashUnderLoadAndCount("--spring.datasource.url=" + PostgresDatabases.create("ja_crash"),
        "--spring.datasource.username=" + PostgresDatabases.user(),
        "--spring.datasource.password=" + PostgresDatabases.password());
  }

  private void crashUnderLoadAndCount(String... database) throws Exception {
    Path log = folder.resolve("application.log");
    Set<String> submitted = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<String> decidedTasks = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();

    try (ApplicationProcess application = ApplicationProcess.start(log, database)) {
      AtomicBoolean loading = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(SUBMITTERS + REVIEWERS);
      List<Future<Object>> running = new ArrayList<>();
      for (int i = 0; i < SUBMITTERS; i++) {
        String officer = OFFICERS.get(i % OFFICERS.size());
        running.add(clients.submit(() -> {
          while (loading.get()) {
            Optional<HttpResponse<String>> answer = post(application, officer,
                "/engine-rest/process-definition/key/JointActivityProposal/submit-form",
                Map.of("variables", Proposals.overRest()));
            if (answer.isPresent() && answer.get().statusCode() == 200) {
              submitted.add(json.readTree(answer.get().body()).get("businessKey").asText());
            } else if (answer.isPresent() && loading.get()) {
              refusals.add(answer.get().statusCode() + " " + answer.get().body());
            }
          }
          return null;
        }));
      }
      for (int i = 0; i < REVIEWERS; i++) {
        String reviewer = REVIEWER_IDS.get(i % REVIEWER_IDS.size());
        int offset = i / REVIEWER_IDS.size();
        running.add(clients.submit(() -> {
          while (loading.get()) {
            JsonNode open = get(application, reviewer, "/engine-rest/task?taskDefinitionKey=Task_ReviewSubject"
                + "&candidateUser=" + reviewer + "&sortBy=created&sortOrder=asc&maxResults=4");
            if (open == null || open.size() <= offset) {
              Thread.sleep(100);
              continue;
            }
            String task = open.get(offset).get("id").asText();
            post(application, reviewer, "/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"))))
                .ifPresent(answer -> {
                  if (answer.statusCode() == 204) {
                    decidedTasks.add(task);
                  } else if (answer.statusCode() >= 500 && loading.get()) {
                    // two clients of one reviewer may race for a task: the later is answered 404, the task no longer open
                    refusals.add(answer.statusCode() + " " + answer.body());
                  }
                });
          }
          return null;
        }));
      }
      // under load for LOAD, and until reviewers have decided a few (the machine may be slow)
      long start = System.nanoTime();
      while (System.nanoTime() - start < LOAD.toNanos()
          || decidedTasks.size() < 5 && System.nanoTime() - start < Duration.ofMinutes(2).toNanos()) {
        Thread.sleep(200);
      }
      application.kill();
      loading.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      for (Future<Object> client : running) {
        client.get(); // a client that failed says why
      }
    }

    assertThat(refusals).as("failed submissions, and server errors, before the kill").isEmpty();
    assertThat(submitted).as("acknowledged submissions").isNotEmpty();
    assertThat(decidedTasks).as("acknowledged review decisions").isNotEmpty();

    try (ApplicationProcess restarted = ApplicationProcess.start(log, database)) {
      List<String> lost = new ArrayList<>();
      for (String reference : submitted) {
        if (getStatus(restarted, "admin", "/api/activities/" + reference) != 200) {
          lost.add(reference);
        }
      }
      List<String> undone = new ArrayList<>();
      for (String task : decidedTasks) {
        if (getStatus(restarted, "admin", "/engine-rest/task/" + task) != 404) {
          undone.add(task);
        }
      }
      Set<String> after = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> answer = post(restarted, "unodc-officer",
            "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", Proposals.overRest()))
            .orElseThrow();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        after.add(json.readTree(answer.body()).get("businessKey").asText());
      }
      System.out.printf("Crash under load: %d submissions and %d review decisions acknowledged; lost %d and %d%n",
          submitted.size(), decidedTasks.size(), lost.size(), undone.size());
      assertThat(lost).as("acknowledged submissions missing after the crash").isEmpty();
      assertThat(undone).as("acknowledged review decisions undone by the crash").isEmpty();
      assertThat(after).as("references given after the restart").doesNotContainAnyElementsOf(submitted);
    }
  }

  /** The answer, or none when the connection broke (the kill): such work was never acknowledged. */
  private Optional<HttpResponse<String>> post(ApplicationProcess application, String user, String path, Object body) {
    try {
      return Optional.of(http.send(request(application, user, path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString()));
    } catch (IOException | InterruptedException broken) {
      return Optional.empty();
    }
  }

  private JsonNode get(ApplicationProcess application, String user, String path) {
    try {
      HttpResponse<String> answer = http.send(request(application, user, path).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + answer.statusCode() + " " + answer.body());
      }
      return json.readTree(answer.body());
    } catch (IOException | InterruptedException broken) {
      return null;
    }
  }

  private int getStatus(ApplicationProcess application, String user, String path) throws Exception {
    return http.send(request(application, user, path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpRequest.Builder request(ApplicationProcess application, String user, String path) {
    return HttpRequest.newBuilder(URI.create(application.baseUrl() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

}
