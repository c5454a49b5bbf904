package org.jointactivities.amendment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.party.PartyTenants;
import org.springframework.stereotype.Component;

/**
 * First step after the amendment start form: checks and records the request under the activity's
 * reference (the business key), and replaces the submitted fields by the amendment's id and what
 * the sign-off needs. Runs in the submitting transaction, so a refused request leaves no trace.
 */
@Component("registerAmendment")
public class RegisterAmendment implements JavaDelegate {

  private final Amendments amendments;
  private final ActivityRegistry registry;
  private final ActivityVariables variables;
  private final IdentityLookup identity;
  private final PartyTenants partyTenants;

  public RegisterAmendment(Amendments amendments, ActivityRegistry registry, ActivityVariables variables,
      IdentityLookup identity, PartyTenants partyTenants) {
    this.amendments = amendments;
    this.registry = registry;
    this.variables = variables;
    this.identity = identity;
    this.partyTenants = partyTenants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Amendment amendment = amendments.register(execution.getVariables(), identity.currentUserId(),
        execution.getProcessInstanceId());
    JointActivity activity = registry.get(amendment.getActivityId());
    execution.setProcessBusinessKey(activity.getReference());
    execution.removeVariables(AmendmentForm.FIELDS);
    variables.describe(execution, activity);
    if (amendment.getNewTotalBudget() != null) {
      // the signatory level follows the budget that is to be signed
      execution.setVariable("budgetUsd", variables.usd(amendment.getNewTotalBudget(), activity.getCurrency()));
    }
    execution.setVariable("amendmentId", amendment.getId());
    execution.setVariable("requester", amendment.getRequestedBy());
    execution.setVariable("amendmentReviewRound", 0);
    execution.setVariable("signOffSubject", Amendments.describe(amendment, activity));
    execution.setVariable("signedVersion", "amendment " + amendment.getNumber());
    partyTenants.confirm(execution, activity.getLeadAgency(), activity.getPartnerAgency());
  }
}
