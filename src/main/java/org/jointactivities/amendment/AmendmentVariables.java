package org.jointactivities.amendment;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The amendment process's own variables: which amendment, and which review round. */
final class AmendmentVariables {

  static final String ID = "amendmentId";
  static final String ROUND = "amendmentReviewRound";

  private AmendmentVariables() {}

  static long amendmentId(VariableScope scope) {
    Object id = scope.getVariable(ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable " + ID + " is missing");
    }
    return number.longValue();
  }

  static int round(VariableScope scope) {
    Object round = scope.getVariable(ROUND);
    return round instanceof Number number ? number.intValue() : 0;
  }
}
