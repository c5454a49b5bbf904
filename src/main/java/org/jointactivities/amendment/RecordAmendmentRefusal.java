package org.jointactivities.amendment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Rejected in review, or declined at sign-off with the choice to reject: the activity keeps its terms. */
@Component("recordAmendmentRefusal")
public class RecordAmendmentRefusal implements JavaDelegate {

  private final Amendments amendments;

  public RecordAmendmentRefusal(Amendments amendments) {
    this.amendments = amendments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    amendments.refuse(AmendmentVariables.amendmentId(execution));
  }
}
