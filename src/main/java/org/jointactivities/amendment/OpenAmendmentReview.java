package org.jointactivities.amendment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts a review round of the amendment: the first, or another after a decline sent it back. */
@Component("openAmendmentReview")
public class OpenAmendmentReview implements JavaDelegate {

  private final Amendments amendments;

  public OpenAmendmentReview(Amendments amendments) {
    this.amendments = amendments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    amendments.backToReview(AmendmentVariables.amendmentId(execution));
    execution.setVariable(AmendmentVariables.ROUND, AmendmentVariables.round(execution) + 1);
  }
}
