package org.jointactivities.exchange;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.task.TaskRules;

/**
 * What the rules of every exchange task share: the task is listed with its request's reference and
 * subject, keeps its form's fields to itself (ExchangeTasks#formFieldsStayOnTask), and its form
 * shows the request read-only.
 */
abstract class ExchangeTaskRules implements TaskRules {

  protected final InformationRequests requests;
  protected final IdentityLookup identity;
  private final String[] formFields;

  ExchangeTaskRules(InformationRequests requests, IdentityLookup identity, String... formFields) {
    this.requests = requests;
    this.identity = identity;
    this.formFields = formFields;
  }

  @Override
  public void created(DelegateTask task) {
    ExchangeTasks.listed(task, request(task));
    ExchangeTasks.formFieldsStayOnTask(task, formFields);
  }

  @Override
  public Map<String, Object> shown(DelegateTask task) {
    InformationRequest request = request(task);
    return ExchangeTasks.shown(request, identity.nameOf(request.getRequester()));
  }

  /** Four-eyes: who asked does not also triage, answer or clear for the agency asked (one person may hold roles in both). */
  protected void checkNotRequester(InformationRequest request, String person, String what) {
    if (identity.storedIdOf(person).equals(request.getRequester())) {
      throw new ActionRefusedException("Four-eyes rule: " + person + " asked for " + request.getReference()
          + " and so may not " + what + " it");
    }
  }

  protected InformationRequest request(DelegateTask task) {
    return requests.get(ExchangeTasks.requestId(task));
  }
}
