package org.jointactivities.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.rules.TaskActor;
import org.springframework.stereotype.Component;

/**
 * The one listener that guards every human task ({@code ${guardedTask}} on create, assignment and
 * complete): it finds the task's rules by its model's {@code taskRules} and applies them — the task
 * named on creation, who may act checked on every claim (whatever Camunda rights they have) and
 * again on completion by whoever completes it, then the decision.
 */
@Component("guardedTask")
class GuardedTaskListener implements TaskListener {

  private final RulesOfTask rules;
  private final TaskActor actors;

  GuardedTaskListener(RulesOfTask rules, TaskActor actors) {
    this.rules = rules;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskRules kind = rules.of(task);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> kind.created(task);
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) { // giving a task back needs no right
          kind.checkMayAct(task, task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> {
        String person = actors.of(task);
        kind.checkMayAct(task, person);
        kind.completed(task, person);
      }
      default -> { }
    }
  }
}
