package org.jointactivities.proposal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.activity.ActivityFormValues;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.rules.PlainText;
import org.jointactivities.rules.TaskActor;
import org.springframework.stereotype.Component;

/**
 * "Review proposal", one per agency: shows the proposal, lets only that agency's reviewers who
 * did not write it claim or complete the task, and records the decision in the audit trail.
 */
@Component("reviewTaskListener")
public class ReviewTaskListener implements TaskListener {

  private final ActivityRegistry registry;
  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final TaskActor actors;

  public ReviewTaskListener(ActivityRegistry registry, AgencyDirectory agencies, FourEyesGuard guard, TaskActor actors) {
    this.registry = registry;
    this.agencies = agencies;
    this.guard = guard;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    JointActivity activity = registry.get(ActivityVariables.activityId(task));
    String agency = (String) task.getVariable("reviewAgency");
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> task.setVariablesLocal(ActivityFormValues.of(activity));
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          checkMayReview(activity, task.getAssignee(), agency);
        }
      }
      case EVENTNAME_COMPLETE -> complete(task, activity, agency);
      default -> { }
    }
  }

  private void complete(DelegateTask task, JointActivity activity, String agency) {
    String reviewer = actors.of(task);
    checkMayReview(activity, reviewer, agency);
    ReviewDecision decision = decisionOf(task);
    String comment = commentOf(task, decision);
    registry.record(activity.getId(), reviewer, agency, decision.audit(),
        ReviewRounds.step(ReviewRounds.current(task)), null, comment);
  }

  private void checkMayReview(JointActivity activity, String reviewer, String agency) {
    guard.checkActsFor(reviewer, agency, List.of(agencies.groupId(agency, Role.REVIEWER)), "review " + activity.getReference());
    guard.checkNotAuthor(activity, reviewer, "review");
  }

  static ReviewDecision decisionOf(DelegateTask task) {
    Object value = task.getVariable("reviewDecision");
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException("Review", "reviewDecision", "is required: APPROVE, REQUEST_CHANGES or REJECT");
    }
    try {
      return ReviewDecision.valueOf(value.toString().strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Review", "reviewDecision", "must be APPROVE, REQUEST_CHANGES or REJECT");
    }
  }

  private static String commentOf(DelegateTask task, ReviewDecision decision) {
    return PlainText.comment("Review", "reviewComment", task.getVariable("reviewComment"), decision.commentRule());
  }
}
