package org.jointactivities.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/** Both agencies accepted the final report: the activity is CLOSED. */
@Component("closeActivity")
public class CloseActivity implements JavaDelegate {

  private final ActivityRegistry registry;

  public CloseActivity(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.transition(ActivityVariables.activityId(execution), ActivityState.CLOSED, null, null,
        AuditAction.CLOSED, null, "Final report accepted by both agencies");
  }
}
