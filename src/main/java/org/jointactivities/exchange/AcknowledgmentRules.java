package org.jointactivities.exchange;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.stereotype.Component;

/** "Acknowledge receipt": the requester reads the released answer and confirms they received it. */
@Component
class AcknowledgmentRules extends ExchangeTaskRules {

  static final String RECEIVED = "receiptAcknowledged";

  private final AnswerAccess access;

  AcknowledgmentRules(InformationRequests requests, IdentityLookup identity, AnswerAccess access) {
    super(requests, identity, RECEIVED);
    this.access = access;
  }

  @Override public String name() { return "exchange-acknowledgment"; }

  @Override
  public Map<String, Object> shown(DelegateTask task) {
    InformationRequest request = request(task);
    Map<String, Object> shown = super.shown(task);
    requests.answerOf(request.getId())
        .filter(answer -> access.mayRead(identity.currentUserId(), request, answer))
        .ifPresent(answer -> ExchangeTasks.putAnswer(shown, answer, identity));
    return shown;
  }

  @Override
  public void checkMayAct(DelegateTask task, String person) {
    InformationRequest request = request(task);
    if (!identity.storedIdOf(person).equals(request.getRequester())) {
      throw new ActionRefusedException(person + " may not acknowledge the answer to " + request.getReference()
          + ": only its requester, " + request.getRequester() + ", may");
    }
  }

  @Override
  public void completed(DelegateTask task, String person) {
    if (!Boolean.TRUE.equals(task.getVariable(RECEIVED))) {
      throw new InvalidInputException("Acknowledgment", RECEIVED, "must be ticked: confirm that you received the answer");
    }
    requests.acknowledge(request(task), person);
  }
}
