package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/** Both agencies signed: the proposal is now a signed joint activity. */
@Component("recordSignedActivity")
public class RecordSignedActivity implements JavaDelegate {

  private final ActivityRegistry registry;

  public RecordSignedActivity(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.transition(ActivityVariables.activityId(execution), ActivityState.SIGNED, null, null,
        AuditAction.ACTIVITY_SIGNED, null, null);
  }
}
