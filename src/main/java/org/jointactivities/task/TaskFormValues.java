package org.jointactivities.task;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows read-only, computed by its rules when the form is read (TaskRules#shown)
 * and typed as the engine would store it, so that its API can answer them like variables.
 */
@Component
public class TaskFormValues {

  private final ProcessEngineConfigurationImpl engine;
  private final RulesOfTask rules;

  TaskFormValues(ProcessEngineConfiguration engine, RulesOfTask rules) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.rules = rules;
  }

  /** By field key; empty when the task is no longer open. The caller's right to read the task is checked before. */
  public Map<String, TypedValue> of(String taskId) {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      Map<String, TypedValue> typed = new LinkedHashMap<>();
      if (task != null) {
        rules.of(task).shown(task).forEach((key, value) -> typed.put(key, typed(value)));
      }
      return typed;
    }));
  }

  private TypedValue typed(Object value) {
    if (value instanceof TypedValue typed) {
      return typed;
    }
    UntypedValueImpl untyped = (UntypedValueImpl) Variables.untypedValue(value);
    return engine.getVariableSerializers().findSerializerForValue(untyped).convertToTypedValue(untyped);
  }
}
