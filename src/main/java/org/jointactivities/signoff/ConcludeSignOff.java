package org.jointactivities.signoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityVariables;
import org.springframework.stereotype.Component;

/** Sets {@code signOffOutcome} (SIGNED, BACK_TO_REVIEW or REJECTED), which the calling process acts on. */
@Component("concludeSignOff")
public class ConcludeSignOff implements JavaDelegate {

  private final SignOffs signOffs;

  public ConcludeSignOff(SignOffs signOffs) {
    this.signOffs = signOffs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("signOffOutcome",
        signOffs.outcome(ActivityVariables.activityId(execution), execution.getProcessInstanceId(), 2));
  }
}
