package org.jointactivities.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After every party decided (or the first rejection): sets {@code reviewOutcome} for the caller. */
@Component("concludeJointReview")
class ConcludeJointReview implements JavaDelegate {

  private final JointReviews reviews;

  ConcludeJointReview(JointReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("reviewOutcome", reviews.outcome((String) execution.getVariable(JointReviews.SUBJECT),
        JointReviews.subjectId(execution), JointReviews.round(execution)));
  }
}
