package org.jointactivities.intervention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/** "Activity terminated": records who terminated the activity for which agency, and why. */
@Component("recordTermination")
public class RecordTermination implements JavaDelegate {

  private final ActivityRegistry registry;

  public RecordTermination(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.transition(ActivityVariables.activityId(execution), ActivityState.TERMINATED,
        (String) execution.getVariable("terminatedBy"), (String) execution.getVariable("terminatedFor"),
        AuditAction.TERMINATED, null, (String) execution.getVariable("terminationReason"));
  }
}
