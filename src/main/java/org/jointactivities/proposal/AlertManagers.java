package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/**
 * A proposal went round the revision loop a third time: the agencies' managers are alerted.
 * The alert is recorded in the audit trail, where managers see it; e-mail delivery comes with
 * the notification capability.
 */
@Component("alertManagers")
public class AlertManagers implements JavaDelegate {

  private final ActivityRegistry registry;

  public AlertManagers(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object round = execution.getVariable("revisionRound");
    registry.record(ActivityVariables.activityId(execution), null, null, AuditAction.MANAGERS_ALERTED,
        "revision-" + round, null, "Revision round " + round + " reached: the proposal may be stuck");
  }
}
