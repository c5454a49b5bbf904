package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.stereotype.Component;

/** Starts a round of joint review: counts it and puts the activity in review. */
@Component("openReviewRound")
public class OpenReviewRound implements JavaDelegate {

  private final ActivityRegistry registry;

  public OpenReviewRound(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int round = ReviewRounds.current(execution) + 1;
    execution.setVariable(ReviewRounds.VARIABLE, round);
    registry.transition(ActivityVariables.activityId(execution), ActivityState.IN_REVIEW, null, null,
        AuditAction.REVIEW_ROUND_OPENED, ReviewRounds.step(round), null);
  }
}
