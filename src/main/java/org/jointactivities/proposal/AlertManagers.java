package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A proposal went round the revision loop a third time: the agencies' managers are alerted.
 * The alert is recorded in the audit trail and e-mailed to the managers of both agencies.
 */
@Component("alertManagers")
public class AlertManagers implements JavaDelegate {

  private final ActivityRegistry registry;
  private final ApplicationEventPublisher events;

  public AlertManagers(ActivityRegistry registry, ApplicationEventPublisher events) {
    this.registry = registry;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int round = ((Number) execution.getVariable("revisionRound")).intValue();
    long activityId = ActivityVariables.activityId(execution);
    registry.record(activityId, null, null, AuditAction.MANAGERS_ALERTED,
        "revision-" + round, null, "Revision round " + round + " reached: the proposal may be stuck");
    events.publishEvent(new RevisionLoopAlert(registry.get(activityId), round));
  }
}
