package org.jointactivities.task;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.rules.TaskActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one listener that guards every human task ({@code ${guardedTask}} on create, assignment and
 * complete): it finds the task's rules by its model's {@code taskRules} and applies them — the form
 * filled on creation, who may act checked on every claim (whatever Camunda rights they have) and
 * again on completion by whoever completes it, then the decision.
 */
@Component("guardedTask")
class GuardedTaskListener implements TaskListener {

  static final String RULES = "taskRules";

  private final ObjectProvider<TaskRules> ruleBeans;
  private final TaskCatalog catalog;
  private final TaskActor actors;
  private volatile Map<String, TaskRules> rules;

  GuardedTaskListener(ObjectProvider<TaskRules> ruleBeans, TaskCatalog catalog, TaskActor actors) {
    this.ruleBeans = ruleBeans;
    this.catalog = catalog;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskRules kind = rulesOf(task);
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

  private TaskRules rulesOf(DelegateTask task) {
    if (rules == null) {
      List<TaskRules> all = ruleBeans.orderedStream().toList();
      rules = all.stream().collect(Collectors.toMap(TaskRules::name, Function.identity()));
    }
    String name = catalog.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), RULES);
    TaskRules kind = name == null ? null : rules.get(name);
    if (kind == null) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " names the task rules '" + name
          + "', which do not exist (known: " + rules.keySet() + ")");
    }
    return kind;
  }
}
