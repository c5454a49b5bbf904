package org.jointactivities.task;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rules of one kind of human task — who may claim and complete it, what its form shows, which
 * decisions and comments it accepts and what a completion records — in one place per kind. A user
 * task names its kind with the property {@code taskRules} and the listener {@code ${guardedTask}}
 * on create, assignment and complete (GuardedTaskListener), which applies them.
 */
public interface TaskRules {

  /** The kind's name, as the models' {@code taskRules} give it, e.g. {@code review}. */
  String name();

  /** Names the task and keeps what must be fixed when it is created (e.g. what a review round shows). */
  void created(DelegateTask task);

  /**
   * What the task's form shows read-only, computed whenever the form is read (TaskFormValues), not
   * stored as task variables: copies of the activity on every task were most of the statements the
   * engine issued per lifecycle, and their history rows were nobody's record.
   */
  default Map<String, Object> shown(DelegateTask task) {
    return Map.of();
  }

  /** Refuses (ActionRefusedException) a person who may not work on this task: on claim and on completion. */
  void checkMayAct(DelegateTask task, String person);

  /** Checks the decision and the comments it needs (InvalidInputException), and records what was decided. */
  void completed(DelegateTask task, String person);
}
