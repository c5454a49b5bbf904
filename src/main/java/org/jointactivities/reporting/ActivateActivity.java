package org.jointactivities.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/** The planned start date came: the activity is ACTIVE and its first reporting period begins. */
@Component("activateActivity")
public class ActivateActivity implements JavaDelegate {

  private final ActivityRegistry registry;

  public ActivateActivity(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.transition(ActivityVariables.activityId(execution), ActivityState.ACTIVE, null, null,
        AuditAction.ACTIVATED, null, null);
    execution.setVariable(OpenReportingPeriod.VARIABLE, 0);
  }
}
