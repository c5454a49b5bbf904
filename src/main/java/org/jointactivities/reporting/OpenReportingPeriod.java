package org.jointactivities.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves to the next reporting period; the model then waits until that period has ended. */
@Component("openReportingPeriod")
public class OpenReportingPeriod implements JavaDelegate {

  static final String VARIABLE = "reportingPeriod";

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(VARIABLE, current(execution) + 1);
  }

  static int current(DelegateExecution execution) {
    Object period = execution.getVariable(VARIABLE);
    return period instanceof Number number ? number.intValue() : 0;
  }
}
