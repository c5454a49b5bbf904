package org.jointactivities.amendment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.signoff.SignOffs;
import org.springframework.stereotype.Component;

/** Both agencies signed the amendment: the activity takes its new terms, unless time overtook them ({@code amendmentApplied}). */
@Component("applyAmendment")
public class ApplyAmendment implements JavaDelegate {

  private final Amendments amendments;
  private final SignOffs signOffs;

  public ApplyAmendment(Amendments amendments, SignOffs signOffs) {
    this.amendments = amendments;
    this.signOffs = signOffs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    signOffs.requireBothSignatures(execution, "the amendment is not applied");
    execution.setVariable("amendmentApplied", amendments.apply(AmendmentVariables.amendmentId(execution)));
  }
}
