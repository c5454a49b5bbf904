package org.jointactivities.task;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The rules of a task, found by its model's {@code taskRules} property. */
@Component
class RulesOfTask {

  static final String RULES = "taskRules";

  private final ObjectProvider<TaskRules> ruleBeans;
  private final TaskCatalog catalog;
  private volatile Map<String, TaskRules> rules;

  RulesOfTask(ObjectProvider<TaskRules> ruleBeans, TaskCatalog catalog) {
    this.ruleBeans = ruleBeans;
    this.catalog = catalog;
  }

  TaskRules of(DelegateTask task) {
    if (rules == null) {
      rules = ruleBeans.orderedStream().collect(Collectors.toMap(TaskRules::name, Function.identity()));
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
