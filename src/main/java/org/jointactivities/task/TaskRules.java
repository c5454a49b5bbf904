package org.jointactivities.task;

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

  /** Fills the task's form (task-local values) when the task is created. */
  void created(DelegateTask task);

  /** Refuses (ActionRefusedException) a person who may not work on this task: on claim and on completion. */
  void checkMayAct(DelegateTask task, String person);

  /** Checks the decision and the comments it needs (InvalidInputException), and records what was decided. */
  void completed(DelegateTask task, String person);
}
