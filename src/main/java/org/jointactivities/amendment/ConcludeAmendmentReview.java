package org.jointactivities.amendment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the joint review: sets {@code amendmentReviewOutcome}, APPROVED or REJECTED. */
@Component("concludeAmendmentReview")
public class ConcludeAmendmentReview implements JavaDelegate {

  private final Amendments amendments;

  public ConcludeAmendmentReview(Amendments amendments) {
    this.amendments = amendments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("amendmentReviewOutcome", amendments.concludeReview(AmendmentVariables.amendmentId(execution),
        AmendmentVariables.round(execution), (String) execution.getVariable("reviewOutcome")));
  }
}
