package org.jointactivities.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import java.util.stream.Collectors;
import org.jointactivities.activity.ActivityFormValues;
import org.jointactivities.identity.IdentityLookup;

/** What every task of an information exchange shares: its request, its list columns, and the request as the forms show it. */
final class ExchangeTasks {

  static final String REQUEST_ID = "requestId";

  private ExchangeTasks() {}

  static long requestId(VariableScope scope) {
    Object id = scope.getVariable(REQUEST_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable " + REQUEST_ID + " is missing");
    }
    return number.longValue();
  }

  /** Tasklist's Reference and Title columns, kept on the task (ListedWith does the same for activities). */
  static void listed(DelegateTask task, InformationRequest request) {
    task.setVariableLocal("reference", request.getReference());
    task.setVariableLocal("title", request.getSubject());
  }

  /**
   * Makes the form's fields the task's own, so that a submission lands on the task and not in the
   * process: it goes with the task, and the history keeps no task-local variables
   * (history/NoCopiesHistoryLevel). What is decided is recorded in our tables on completion.
   */
  static void formFieldsStayOnTask(DelegateTask task, String... fields) {
    for (String field : fields) {
      task.setVariableLocal(field, null);
    }
  }

  /** The request in the shapes of the request form's shared fields, which every exchange task shows read-only. */
  static Map<String, Object> shown(InformationRequest r, String requesterName) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reference", r.getReference());
    values.put("requestedBy", requesterName + " (" + r.getRequestingAgency() + ")");
    values.put("providingAgency", r.getProvidingAgency());
    values.put("subject", r.getSubject());
    values.put("question", r.getQuestion());
    values.put("purpose", r.getPurpose());
    values.put("neededBy", r.getNeededBy().toString());
    values.put("activityReference", r.getActivityReference() == null ? "" : r.getActivityReference());
    values.put("countries", ActivityFormValues.jsonArray(r.getCountries().stream().sorted().toList()));
    values.put("themes", ActivityFormValues.jsonArray(r.getThemes().stream().map(Enum::name).sorted().toList()));
    values.put("classification", r.getClassification().name());
    values.put("personalData", r.isPersonalData());
    values.put("legalBasis", r.getLegalBasis() == null ? "" : r.getLegalBasis());
    values.put("protectionMeasures", r.getProtectionMeasures() == null ? "" : r.getProtectionMeasures());
    return values;
  }

  /** The answer in the shapes of the answer form's fields; only for whoever AnswerAccess lets read it. */
  static void putAnswer(Map<String, Object> shown, ExchangeAnswer answer, IdentityLookup identity) {
    shown.put(AnswerRules.TEXT, answer.getAnswerText() == null ? "" : answer.getAnswerText());
    shown.put(AnswerRules.HANDLING, answer.getHandlingInstructions() == null ? "" : answer.getHandlingInstructions());
    shown.put(AnswerRules.RECIPIENTS, ActivityFormValues.jsonArray(answer.getRecipients().stream().sorted().toList()));
    shown.put("recipientNames", answer.getRecipients().stream().sorted().map(identity::nameOf).collect(Collectors.joining(", ")));
  }
}
