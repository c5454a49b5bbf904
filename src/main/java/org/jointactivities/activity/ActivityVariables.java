package org.jointactivities.activity;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
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
    scope.setVariables(of(activity));
  }

  /** The variables for a process that starts with the activity already registered. */
  public Map<String, Object> of(JointActivity activity) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ACTIVITY_ID, activity.getId());
    variables.put("title", activity.getTitle());
    variables.put("leadAgency", activity.getLeadAgency());
    variables.put("partnerAgency", activity.getPartnerAgency());
    variables.put("totalBudget", activity.getTotalBudget().doubleValue());
    variables.put("currency", activity.getCurrency());
    variables.put("budgetUsd", usd(activity.getTotalBudget(), activity.getCurrency()));
    variables.put("corruptionRisk", activity.getCorruptionRisk().name());
    return variables;
  }

  public double usd(BigDecimal amount, String currency) {
    return currencies.toUsd(amount, currency).doubleValue();
  }

  public static long activityId(VariableScope scope) {
    Object id = scope.getVariable(ACTIVITY_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable " + ACTIVITY_ID + " is missing");
    }
    return number.longValue();
  }
}
