package org.jointactivities.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.JointActivitiesApplication;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditEntryRepository;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.document.DocumentView;
import org.jointactivities.document.Documents;
import org.jointactivities.notification.NotificationRepository;
import org.jointactivities.support.PostgresDatabases;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;

/**
 * Backup and restore as docs/operations.md says: {@code pg_dump} of the running system, restored
 * into an empty database, the application started on it: every activity with its audit trail,
 * every document with its bytes, every open task and every pending mail is there, and work goes on.
 */
@EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class BackupRestoreOnPostgresTest {

  @TempDir Path folder;

  @Test
  void aDumpOfTheRunningSystemRestoredIntoAnEmptyDatabaseHasEverythingAndWorkGoesOn() throws Exception {
    String original = PostgresDatabases.create("ja_backup");
    Path dump = folder.resolve("joint-activities.dump");
    List<String> activities;
    long auditEntries;
    List<String> openTasks;
    List<String> pendingMails;
    String inReview;
    byte[] budget = ("%PDF-1.4\n% budget of the border posts\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    List<DocumentView> documents;
    try (ConfigurableApplicationContext running = start(original)) {
      Scenario scenario = running.getAutowireCapableBeanFactory().createBean(Scenario.class);
      ProcessInstance signed = scenario.signedActivity(Proposals.valid());
      ProcessInstance reviewed = scenario.submitValid();
      scenario.review(reviewed, "unodc-reviewer", "UNODC", "APPROVE", null);
      inReview = reviewed.getBusinessKey();
      Documents attached = running.getBean(Documents.class);
      attached.attach(inReview, "unodc-officer", "BUDGET", "Budget", null, false,
          new Documents.Upload("budget.pdf", budget.length, new ByteArrayResource(budget)));
      documents = attached.of(inReview, "unodc-officer");
      Map<String, Object> iomLed = Proposals.valid();
      iomLed.putAll(Map.of("leadAgency", "IOM", "partnerAgency", "UNODC", "leadFocalPoint", "iom-reviewer",
          "partnerFocalPoint", "unodc-reviewer"));
      scenario.submit("iom-officer", iomLed);
      activities = activities(running);
      auditEntries = running.getBean(AuditEntryRepository.class).count();
      openTasks = taskIds(running);
      pendingMails = pending(running);
      assertThat(activities).hasSize(3);
      assertThat(openTasks).isNotEmpty();
      assertThat(pendingMails).as("no mail server: mails wait in the outbox").isNotEmpty();
      assertThat(scenario.activity(signed).getState()).isEqualTo(ActivityState.SIGNED);

      // while it runs, as an operator backs it up
      run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + libpq(original));
    }

    String restored = PostgresDatabases.create("ja_restored");
    run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpq(restored), dump.toString());

    try (ConfigurableApplicationContext afterRestore = start(restored)) {
      assertThat(activities(afterRestore)).containsExactlyElementsOf(activities);
      assertThat(afterRestore.getBean(AuditEntryRepository.class).count()).as("audit trail entries").isEqualTo(auditEntries);
      assertThat(taskIds(afterRestore)).containsExactlyElementsOf(openTasks);
      assertThat(pending(afterRestore)).containsExactlyElementsOf(pendingMails);
      Documents restoredDocuments = afterRestore.getBean(Documents.class);
      assertThat(restoredDocuments.of(inReview, "unodc-officer")).isEqualTo(documents);
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      restoredDocuments.copy(restoredDocuments.open(inReview, documents.get(0).id(), 1, "iom-reviewer"), content);
      assertThat(content.toByteArray()).as("the document's bytes").isEqualTo(budget);

      // and work goes on where it stopped: the second review of the activity in review
      Scenario scenario = afterRestore.getAutowireCapableBeanFactory().createBean(Scenario.class);
      ProcessInstance instance = afterRestore.getBean(RuntimeService.class)
          .createProcessInstanceQuery().processInstanceBusinessKey(inReview).processDefinitionKey("JointActivityProposal")
          .singleResult();
      scenario.review(instance, "iom-reviewer", "IOM", "APPROVE", null);
      assertThat(scenario.openTasks(instance)).extracting(Task::getTaskDefinitionKey).contains("Task_SignActivity");
      assertThat(scenario.audit(instance)).hasSizeGreaterThan(2);
    }
  }

  private static ConfigurableApplicationContext start(String database) {
    return new SpringApplicationBuilder(JointActivitiesApplication.class).run(
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=" + PostgresDatabases.user(),
        "--spring.datasource.password=" + PostgresDatabases.password(),
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--joint-activities.notifications.delivery.senders=0",
        "--joint-activities.mail-sink.port=0",
        "--joint-activities.notifications.reminder-scan-interval=P1D",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.context=OFF");
  }

  /** Each activity as a manager reads it in the registry. */
  private static List<String> activities(ConfigurableApplicationContext application) {
    return application.getBean(JointActivityRepository.class).findAll().stream()
        .map(activity -> activity.getReference() + " " + activity.getState() + " " + activity.getTitle() + " "
            + activity.getTotalBudget().stripTrailingZeros().toPlainString())
        .sorted().toList();
  }

  private static List<String> taskIds(ConfigurableApplicationContext application) {
    return application.getBean(TaskService.class).createTaskQuery().orderByTaskId().asc().list().stream()
        .map(Task::getId).toList();
  }

  private static List<String> pending(ConfigurableApplicationContext application) {
    return application.getBean(NotificationRepository.class).findAll().stream()
        .filter(notification -> notification.getSentAt() == null)
        .map(notification -> notification.getId() + " " + String.join(",", notification.getRecipients()) + " "
            + notification.getSubject())
        .sorted().toList();
  }

  /** The JDBC URL as PostgreSQL's own tools take it. */
  private static String libpq(String jdbcUrl) {
    String password = PostgresDatabases.password();
    return "postgresql://" + PostgresDatabases.user() + (password.isEmpty() ? "" : ":" + password) + "@"
        + jdbcUrl.substring("jdbc:postgresql://".length());
  }

  /** PostgreSQL's client tools, of the newest installed version (the server's, as .ci/postgres starts it). */
  private static void run(String tool, String... arguments) throws IOException, InterruptedException {
    Path bin;
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      bin = versions.max(Comparator.comparing(path -> Integer.parseInt(path.getFileName().toString()))).orElseThrow()
          .resolve("bin");
    }
    List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
  }
}
