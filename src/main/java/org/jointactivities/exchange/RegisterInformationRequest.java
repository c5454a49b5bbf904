package org.jointactivities.exchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jointactivities.agency.Agency;
import org.jointactivities.deadline.DueDates;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.party.PartyTenants;
import org.jointactivities.rules.ActionRefusedException;
import org.springframework.stereotype.Component;

/**
 * First step after the request form: validates it, registers it under a new reference {@code IX-<year>-<n>}
 * (the business key) and keeps in the process only what its steps route by — never what was asked.
 * Runs in the submitting transaction, so a refused request leaves no trace.
 */
@Component("registerInformationRequest")
class RegisterInformationRequest implements JavaDelegate {

  private final RequestValidator validator;
  private final InformationRequests requests;
  private final IdentityLookup identity;
  private final PartyTenants partyTenants;
  private final DueDates dueDates;

  RegisterInformationRequest(RequestValidator validator, InformationRequests requests, IdentityLookup identity,
      PartyTenants partyTenants, DueDates dueDates) {
    this.validator = validator;
    this.requests = requests;
    this.identity = identity;
    this.partyTenants = partyTenants;
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = identity.currentUserId();
    if (requester == null) {
      throw new ActionRefusedException("An information request must be made by a logged-in programme officer");
    }
    Agency requesting = validator.requestingAgencyOf(requester);
    RequestDetails details = validator.validate(RequestForm.read(execution.getVariables()), requesting);
    InformationRequest request = requests.register(details, requesting, requester, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(request.getReference());
    execution.removeVariables(RequestForm.FIELDS);
    partyTenants.confirm(execution, request.getRequestingAgency(), request.getProvidingAgency());
    execution.setVariable(ExchangeTasks.REQUEST_ID, request.getId());
    execution.setVariable("requester", requester);
    execution.setVariable("requestingAgency", request.getRequestingAgency());
    execution.setVariable("providingAgency", request.getProvidingAgency());
    execution.setVariable("clearanceNeeded", request.needsClearance());
    execution.setVariable("answerDue", dueDates.endOf(request.getNeededBy()));
  }
}
