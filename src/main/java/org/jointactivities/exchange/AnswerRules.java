package org.jointactivities.exchange;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.activity.ActivityFormValues;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.FormFields;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * "Prepare answer": the providing agency's officers or focal points write the answer, how to handle
 * it, and whom of the requesting agency it is for (the requester always). It is kept in our tables,
 * never in the process; after a refused clearance the form starts from the last draft and shows why.
 */
@Component
class AnswerRules extends ExchangeTaskRules {

  static final String TEXT = "answerText";
  static final String HANDLING = "handlingInstructions";
  static final String RECIPIENTS = "answerRecipients";
  static final int MAX_TEXT = 20000;
  static final int MAX_RECIPIENTS = 50;
  private static final String WHAT = "Answer";

  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final AnswerAccess access;
  private final AgencyPeople people;

  AnswerRules(InformationRequests requests, AgencyDirectory agencies, FourEyesGuard guard, IdentityLookup identity,
      AnswerAccess access, AgencyPeople people) {
    super(requests, identity, TEXT, HANDLING, RECIPIENTS);
    this.agencies = agencies;
    this.guard = guard;
    this.access = access;
    this.people = people;
  }

  @Override public String name() { return "exchange-answer"; }

  /** The recipients are a list: Tasklist submits a list in the type the variable already has, so it must be JSON. */
  @Override
  public void created(DelegateTask task) {
    super.created(task);
    task.setVariableLocal(RECIPIENTS, ActivityFormValues.jsonArray(List.of()));
  }

  @Override
  public Map<String, Object> shown(DelegateTask task) {
    InformationRequest request = request(task);
    Map<String, Object> shown = super.shown(task);
    shown.put("recipientChoices", ActivityFormValues.jsonArray(people.options(request.getRequestingAgency())));
    shown.put("clearanceRefusal", request.getState() == ExchangeState.ACCEPTED && request.getOutcomeReason() != null
        ? request.getOutcomeReason() : "");
    requests.answerOf(request.getId())
        .filter(draft -> access.mayRead(identity.currentUserId(), request, draft))
        .ifPresent(draft -> ExchangeTasks.putAnswer(shown, draft, identity));
    return shown;
  }

  @Override
  public void checkMayAct(DelegateTask task, String person) {
    InformationRequest request = request(task);
    String agency = request.getProvidingAgency();
    guard.checkActsFor(person, agency, List.of(agencies.groupId(agency, Role.OFFICER), agencies.groupId(agency, Role.REVIEWER)),
        "answer an information request");
    checkNotRequester(request, person, "answer");
  }

  @Override
  public void completed(DelegateTask task, String person) {
    InformationRequest request = request(task);
    FormFields form = new FormFields(task.getVariablesLocal());
    String text = form.text(TEXT);
    String handling = form.text(HANDLING);
    List<String> named = form.items(RECIPIENTS);
    if (text == null || text.isBlank()) {
      form.problem(TEXT, "is required");
    } else if (text.length() > MAX_TEXT) {
      form.problem(TEXT, "must be at most " + MAX_TEXT + " characters");
    }
    if ((handling == null || handling.isBlank()) && (request.getClassification().needToKnow() || request.isPersonalData())) {
      form.problem(HANDLING, "is required for " + (request.isPersonalData() ? "personal data" : "a "
          + request.getClassification().name().toLowerCase().replace('_', ' ') + " answer"));
    } else if (handling != null && handling.length() > 4000) {
      form.problem(HANDLING, "must be at most 4000 characters");
    }
    Set<String> recipients = new LinkedHashSet<>();
    recipients.add(request.getRequester());
    for (String user : named) {
      String id = identity.storedIdOf(user);
      if (!access.ofRequestingAgency(id, request)) {
        form.problem(RECIPIENTS, "'" + FormFields.shorten(user) + "' is nobody of " + request.getRequestingAgency()
            + ", the requesting agency");
      } else {
        recipients.add(id);
      }
    }
    if (recipients.size() > MAX_RECIPIENTS) {
      form.problem(RECIPIENTS, "must name at most " + MAX_RECIPIENTS + " people");
    }
    List<FieldProblem> problems = form.problems();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(WHAT, problems);
    }
    requests.prepare(request, person, text.strip(), handling == null || handling.isBlank() ? null : handling.strip(),
        recipients);
  }
}
