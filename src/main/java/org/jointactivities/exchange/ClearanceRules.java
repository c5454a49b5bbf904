package org.jointactivities.exchange;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.PlainText;
import org.springframework.stereotype.Component;

/**
 * "Clear answer": the providing agency's data-protection focal point reads the answer before anything
 * is released, and clears it or refuses with the reason (back to its preparer). Four-eyes: not the
 * person who prepared it.
 */
@Component
class ClearanceRules extends ExchangeTaskRules {

  static final String DECISION = "clearanceDecision";
  static final String COMMENT = "clearanceComment";
  private static final String WHAT = "Data-protection clearance";

  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final AnswerAccess access;

  ClearanceRules(InformationRequests requests, AgencyDirectory agencies, FourEyesGuard guard, IdentityLookup identity,
      AnswerAccess access) {
    super(requests, identity, DECISION, COMMENT);
    this.agencies = agencies;
    this.guard = guard;
    this.access = access;
  }

  @Override public String name() { return "exchange-clearance"; }

  /** The answer only to whoever may read it: managers may see the task, not what it clears. */
  @Override
  public Map<String, Object> shown(DelegateTask task) {
    InformationRequest request = request(task);
    Map<String, Object> shown = super.shown(task);
    requests.answerOf(request.getId())
        .filter(answer -> access.mayRead(identity.currentUserId(), request, answer))
        .ifPresent(answer -> {
          ExchangeTasks.putAnswer(shown, answer, identity);
          shown.put("preparedBy", identity.nameOf(answer.getPreparedBy()));
        });
    return shown;
  }

  @Override
  public void checkMayAct(DelegateTask task, String person) {
    InformationRequest request = request(task);
    String agency = request.getProvidingAgency();
    guard.checkActsFor(person, agency, List.of(agencies.groupId(agency, Role.DATA_PROTECTION)),
        "clear an answer to an information request");
    checkNotRequester(request, person, "clear the answer to");
    String preparer = requests.answerOf(request.getId()).map(ExchangeAnswer::getPreparedBy).orElse(null);
    if (identity.storedIdOf(person).equals(preparer)) {
      throw new ActionRefusedException("Four-eyes rule: " + person + " prepared the answer to " + request.getReference()
          + " and so may not clear it");
    }
  }

  @Override
  public void completed(DelegateTask task, String person) {
    InformationRequest request = request(task);
    String decision = Decision.of(task, WHAT, DECISION, "CLEAR", "REFUSE");
    String comment = PlainText.comment(WHAT, COMMENT, task.getVariable(COMMENT),
        "REFUSE".equals(decision) ? "is required when refusing: say what must change" : null);
    if ("CLEAR".equals(decision)) {
      requests.clear(request, person, comment.isEmpty() ? null : comment);
    } else {
      requests.refuseClearance(request, person, comment);
    }
    task.getExecution().setVariable("clearanceOutcome", decision);
  }
}
