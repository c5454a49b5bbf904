package org.jointactivities.activity;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.jointactivities.identity.AsSystem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the process variable {@code state} equal to the activity's state, so that a manager sees it
 * on the instance in Cockpit. Runs in the transaction of the change; the instance may have been
 * created in that same transaction, hence the look-up through the engine's cache.
 */
@Component
class StateVariable {

  private final AsSystem asSystem;

  StateVariable(AsSystem asSystem) {
    this.asSystem = asSystem;
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
        instance.setVariable("state", change.activity().getState().name());
      }
    });
  }
}
