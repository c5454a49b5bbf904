package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/** Marks the activity withdrawn, with who withdrew it and why. */
@Component("recordWithdrawal")
public class RecordWithdrawal implements JavaDelegate {

  private final ActivityRegistry registry;

  public RecordWithdrawal(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.transition(ActivityVariables.activityId(execution), ActivityState.WITHDRAWN,
        (String) execution.getVariable("withdrawnBy"), (String) execution.getVariable("leadAgency"),
        AuditAction.WITHDRAWN, null, (String) execution.getVariable("withdrawalReason"));
  }
}
