package org.jointactivities.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointactivities.support.ApplicationProcess;
import org.jointactivities.support.LifecycleLoad;
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
    LifecycleLoad load;
    Instant killed;
    try (ApplicationProcess application = ApplicationProcess.start(log, database)) {
      load = LifecycleLoad.start(application.baseUrl(), SUBMITTERS, REVIEWERS);
      // under load for LOAD, and until reviewers have decided a few (the machine may be slow)
      load.runFor(LOAD, 5);
      killed = Instant.now();
      application.kill();
      load.stop();
    }
    Set<String> submitted = load.submitted();
    List<String> decidedTasks = load.decidedTasks();

    assertThat(load.failures()).as("failed submissions, and server errors, before the kill")
        .filteredOn(failure -> failure.at().isBefore(killed)).isEmpty();
    assertThat(submitted).as("acknowledged submissions").isNotEmpty();
    assertThat(decidedTasks).as("acknowledged review decisions").isNotEmpty();

    try (ApplicationProcess restarted = ApplicationProcess.start(log, database)) {
      String base = restarted.baseUrl();
      List<String> lost = new ArrayList<>();
      for (String reference : submitted) {
        if (load.get(base, "admin", "/api/activities/" + reference).orElseThrow().statusCode() != 200) {
          lost.add(reference);
        }
      }
      List<String> undone = new ArrayList<>();
      for (String task : decidedTasks) {
        if (load.get(base, "admin", "/engine-rest/task/" + task).orElseThrow().statusCode() != 404) {
          undone.add(task);
        }
      }
      Set<String> after = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> answer = load.post(base, "unodc-officer",
            "/engine-rest/process-definition/key/JointActivityProposal/submit-form", Map.of("variables", Proposals.overRest()))
            .orElseThrow();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        after.add(LifecycleLoad.businessKey(answer));
      }
      System.out.printf("Crash under load: %d submissions and %d review decisions acknowledged; lost %d and %d%n",
          submitted.size(), decidedTasks.size(), lost.size(), undone.size());
      assertThat(lost).as("acknowledged submissions missing after the crash").isEmpty();
      assertThat(undone).as("acknowledged review decisions undone by the crash").isEmpty();
      assertThat(after).as("references given after the restart").doesNotContainAnyElementsOf(submitted);
    }
  }
}
