package org.jointactivities.activity;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The few process variables an activity's processes carry: its id (the key to the registry),
 * what gateways and the signatory decision need, and what a manager looks for in Cockpit.
 * The proposal itself stays in the registry.
 */
@Component
public class ActivityVariables {

  public static final String ACTIVITY_ID = "activityId";

  private final CurrencyProperties currencies;

  public ActivityVariables(CurrencyProperties currencies) {
    this.currencies = currencies;
  }

  public void describe(VariableScope scope, JointActivity activity) {
    scope.setVariable(ACTIVITY_ID, activity.getId());
    scope.setVariable("title", activity.getTitle());
    scope.setVariable("leadAgency", activity.getLeadAgency());
    scope.setVariable("partnerAgency", activity.getPartnerAgency());
    scope.setVariable("totalBudget", activity.getTotalBudget().doubleValue());
    scope.setVariable("currency", activity.getCurrency());
    scope.setVariable("budgetUsd", currencies.toUsd(activity.getTotalBudget(), activity.getCurrency()).doubleValue());
    scope.setVariable("corruptionRisk", activity.getCorruptionRisk().name());
  }

  public static long activityId(VariableScope scope) {
    Object id = scope.getVariable(ACTIVITY_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable " + ACTIVITY_ID + " is missing");
    }
    return number.longValue();
  }
}
