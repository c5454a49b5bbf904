package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.activity.ActivityDetails;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.party.PartyTenants;
import org.jointactivities.rules.ActionRefusedException;
import org.springframework.stereotype.Component;

/**
 * First step after the start form: validates the proposal, registers it under a new reference
 * (which becomes the business key) and replaces the submitted fields by the activity's id.
 * Runs in the submitting transaction, so a refused proposal leaves no trace.
 */
@Component("registerProposal")
public class RegisterProposal implements JavaDelegate {

  private final ProposalValidator validator;
  private final ActivityRegistry registry;
  private final ActivityVariables variables;
  private final IdentityLookup identity;
  private final PartyTenants partyTenants;

  public RegisterProposal(ProposalValidator validator, ActivityRegistry registry, ActivityVariables variables,
      IdentityLookup identity, PartyTenants partyTenants) {
    this.validator = validator;
    this.registry = registry;
    this.variables = variables;
    this.identity = identity;
    this.partyTenants = partyTenants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the logged-in user, never a submitted variable: nobody can propose in someone else's name
    String proposer = identity.currentUserId();
    if (proposer == null) {
      throw new ActionRefusedException("A proposal must be submitted by a logged-in programme officer");
    }
    ActivityDetails details = validator.validateSubmission(ProposalForm.read(execution.getVariables()), proposer);
    JointActivity activity = registry.submit(details, proposer, details.leadAgency(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(activity.getReference());
    execution.removeVariables(ProposalForm.FIELDS);
    variables.describe(execution, activity);
    partyTenants.confirm(execution, activity.getLeadAgency(), activity.getPartnerAgency());
    execution.setVariable("proposer", proposer);
    execution.setVariable("revisionRound", 0);
    execution.setVariable("reviewRound", 0);
  }
}
