package org.jointactivities.browser;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Waiting for the application: in browser tests the job executor works in the background. */
final class Await {

  static final Duration PATIENCE = Duration.ofSeconds(60);

  private Await() {}

  /** Polls until the probe finds a value, for at most {@link #PATIENCE}. */
  static <T> T value(Supplier<Optional<T>> probe, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what, e);
      }
    }
  }

  /** The open task of a step of the activity, for one agency where the step runs per agency (else null). */
  static Task task(TaskService tasks, String reference, String taskKey, String agency) {
    String variable = "Task_SignActivity".equals(taskKey) ? "signingAgency" : "reviewAgency";
    return value(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).list()
        .stream().filter(task -> agency == null || agency.equals(tasks.getVariable(task.getId(), variable))).findFirst(),
        "the task " + taskKey + (agency == null ? "" : " for " + agency) + " of " + reference);
  }
}
