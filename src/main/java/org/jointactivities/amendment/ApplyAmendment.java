package org.jointactivities.amendment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Both agencies signed the amendment: the activity takes its new terms, unless time overtook them ({@code amendmentApplied}). */
@Component("applyAmendment")
public class ApplyAmendment implements JavaDelegate {

  private final Amendments amendments;

  public ApplyAmendment(Amendments amendments) {
    this.amendments = amendments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("amendmentApplied", amendments.apply(AmendmentVariables.amendmentId(execution)));
  }
}
