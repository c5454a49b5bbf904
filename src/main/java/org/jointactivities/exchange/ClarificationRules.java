package org.jointactivities.exchange;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.PlainText;
import org.springframework.stereotype.Component;

/** "Clarify information request": the requester, and only they, answers the focal points' question; the request goes back to triage. */
@Component
class ClarificationRules extends ExchangeTaskRules {

  static final String CLARIFICATION = "clarification";
  private static final String WHAT = "Clarification";

  ClarificationRules(InformationRequests requests, IdentityLookup identity) {
    super(requests, identity, CLARIFICATION);
  }

  @Override public String name() { return "exchange-clarification"; }

  @Override
  public Map<String, Object> shown(DelegateTask task) {
    InformationRequest request = request(task);
    Map<String, Object> shown = super.shown(task);
    shown.put("clarificationQuestion", Clarifications.lastQuestion(requests.trail(request.getId())));
    shown.put("clarifications", Clarifications.of(requests.trail(request.getId()), identity));
    return shown;
  }

  @Override
  public void checkMayAct(DelegateTask task, String person) {
    InformationRequest request = request(task);
    if (!identity.storedIdOf(person).equals(request.getRequester())) {
      throw new ActionRefusedException(person + " may not clarify " + request.getReference() + ": only its requester, "
          + request.getRequester() + ", may");
    }
  }

  @Override
  public void completed(DelegateTask task, String person) {
    InformationRequest request = request(task);
    String text = PlainText.comment(WHAT, CLARIFICATION, task.getVariable(CLARIFICATION),
        "is required: answer the focal points' question");
    requests.clarified(request, request.getRequester(), text);
  }
}
