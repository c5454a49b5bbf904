package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/** Ends the proposal as rejected; the reviewer's or signatory's reason is already in the audit trail. */
@Component("recordRejection")
public class RecordRejection implements JavaDelegate {

  private final ActivityRegistry registry;

  public RecordRejection(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.transition(ActivityVariables.activityId(execution), ActivityState.REJECTED, null, null,
        AuditAction.PROPOSAL_REJECTED, null, null);
  }
}
