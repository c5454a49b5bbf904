package org.jointactivities.exchange;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.PlainText;
import org.springframework.stereotype.Component;

/**
 * "Triage information request": the providing agency's focal points accept it, ask the requester a
 * question (a clarification round), or decline it with the reason; the outcome routes the process.
 */
@Component
class TriageRules extends ExchangeTaskRules {

  static final String DECISION = "triageDecision";
  static final String COMMENT = "triageComment";
  private static final String WHAT = "Triage";

  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;

  TriageRules(InformationRequests requests, AgencyDirectory agencies, FourEyesGuard guard, IdentityLookup identity) {
    super(requests, identity, DECISION, COMMENT);
    this.agencies = agencies;
    this.guard = guard;
  }

  @Override public String name() { return "exchange-triage"; }

  @Override
  public Map<String, Object> shown(DelegateTask task) {
    InformationRequest request = request(task);
    Map<String, Object> shown = super.shown(task);
    shown.put("clarifications", Clarifications.of(requests.trail(request.getId()), identity));
    return shown;
  }

  @Override
  public void checkMayAct(DelegateTask task, String person) {
    InformationRequest request = request(task);
    String agency = request.getProvidingAgency();
    guard.checkActsFor(person, agency, List.of(agencies.groupId(agency, Role.REVIEWER)),
        "triage an information request");
    checkNotRequester(request, person, "triage");
  }

  @Override
  public void completed(DelegateTask task, String person) {
    InformationRequest request = request(task);
    String decision = Decision.of(task, WHAT, DECISION, "ACCEPT", "CLARIFY", "DECLINE");
    String comment = PlainText.comment(WHAT, COMMENT, task.getVariable(COMMENT), switch (decision) {
      case "CLARIFY" -> "is required when asking for clarification: write your question to the requester";
      case "DECLINE" -> "is required when declining: give the reason";
      default -> null;
    });
    switch (decision) {
      case "ACCEPT" -> requests.accept(request, person, comment.isEmpty() ? null : comment);
      case "CLARIFY" -> requests.askClarification(request, person, comment);
      default -> requests.decline(request, person, comment);
    }
    task.getExecution().setVariable("triageOutcome", decision);
  }
}
