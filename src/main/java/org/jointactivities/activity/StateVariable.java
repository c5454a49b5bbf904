package org.jointactivities.activity;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.jointactivities.identity.AsSystem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the process variable {@code state} equal to the activity's state, and the title, agencies
 * and budget equal to the registry's after an amendment, so that a manager sees them on the
 * instance in Cockpit. Works on a suspended instance, too. Runs in the transaction of the change; the instance may have been
 * created in that same transaction, hence the look-up through the engine's cache.
 */
@Component
class StateVariable {

  private final AsSystem asSystem;
  private final ActivityVariables variables;

  StateVariable(AsSystem asSystem, ActivityVariables variables) {
    this.asSystem = asSystem;
    this.variables = variables;
  }

  @EventListener
  void stateChanged(ActivityStateChanged change) {
    String processInstanceId = change.activity().getProcessInstanceId();
    if (processInstanceId == null) {
      return;
    }
    asSystem.run(() -> {
      ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
      if (instance != null && !instance.isEnded()) {
        instance.setVariables(variables.of(change.activity()));
        instance.setVariable("state", change.activity().getState().name());
      }
    });
  }
}
