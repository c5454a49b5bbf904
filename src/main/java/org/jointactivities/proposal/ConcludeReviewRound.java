package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/** After the joint review (its {@code reviewOutcome}): moves the activity on. */
@Component("concludeReviewRound")
public class ConcludeReviewRound implements JavaDelegate {

  private final ActivityRegistry registry;

  public ConcludeReviewRound(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long activityId = ActivityVariables.activityId(execution);
    int round = ReviewRounds.current(execution);
    String outcome = (String) execution.getVariable("reviewOutcome");
    String step = ReviewRounds.step(round);
    switch (outcome) {
      case "CHANGES_REQUESTED" -> registry.transition(activityId, ActivityState.CHANGES_REQUESTED, null, null,
          AuditAction.RETURNED_FOR_CHANGES, step, null);
      case "APPROVED" -> registry.transition(activityId, ActivityState.AWAITING_SIGNATURE, null, null,
          AuditAction.SIGNATURE_REQUESTED, step, null);
      default -> { } // a rejection is recorded by "Record rejection", shared with a decline at sign-off
    }
  }
}
