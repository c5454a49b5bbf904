package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.signoff.SignOffs;
import org.springframework.stereotype.Component;

/** Both agencies signed: the proposal is now a signed joint activity. */
@Component("recordSignedActivity")
public class RecordSignedActivity implements JavaDelegate {

  private final ActivityRegistry registry;
  private final SignOffs signOffs;

  public RecordSignedActivity(ActivityRegistry registry, SignOffs signOffs) {
    this.registry = registry;
    this.signOffs = signOffs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    signOffs.requireBothSignatures(execution, "not recorded as signed");
    registry.transition(ActivityVariables.activityId(execution), ActivityState.SIGNED, null, null,
        AuditAction.ACTIVITY_SIGNED, null, null);
  }
}
