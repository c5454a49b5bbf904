package org.jointactivities.amendment;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.activity.ActivityFormValues;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.rules.PlainText;
import org.jointactivities.rules.TaskActor;
import org.springframework.stereotype.Component;

/**
 * "Review amendment", one per agency: shows the activity as agreed and what the amendment
 * changes; only that agency's reviewers who did not write the activity or request the amendment
 * may claim or complete it; approve, or reject with a reason.
 */
@Component("amendmentReviewTaskListener")
public class AmendmentReviewTaskListener implements TaskListener {

  private final Amendments amendments;
  private final ActivityRegistry registry;
  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final TaskActor actors;

  public AmendmentReviewTaskListener(Amendments amendments, ActivityRegistry registry, AgencyDirectory agencies,
      FourEyesGuard guard, TaskActor actors) {
    this.amendments = amendments;
    this.registry = registry;
    this.agencies = agencies;
    this.guard = guard;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    Amendment amendment = amendments.get(AmendmentVariables.amendmentId(task));
    JointActivity activity = registry.get(amendment.getActivityId());
    String agency = (String) task.getVariable("reviewAgency");
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        task.setVariablesLocal(ActivityFormValues.of(activity));
        task.setVariableLocal("amendmentSummary", Amendments.describe(amendment, activity));
      }
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          checkMayReview(activity, task.getAssignee(), agency);
        }
      }
      case EVENTNAME_COMPLETE -> {
        String reviewer = actors.of(task);
        checkMayReview(activity, reviewer, agency);
        AuditAction decision = decisionOf(task.getVariable("amendmentDecision"));
        String comment = PlainText.comment("Amendment review", "amendmentComment", task.getVariable("amendmentComment"),
            decision == AuditAction.AMENDMENT_REJECTED ? "is required when rejecting: give the reason" : null);
        registry.record(activity.getId(), reviewer, agency, decision,
            Amendments.reviewStep(amendment, AmendmentVariables.round(task)), null, comment);
      }
      default -> { }
    }
  }

  private void checkMayReview(JointActivity activity, String reviewer, String agency) {
    guard.checkActsFor(reviewer, agency, List.of(agencies.reviewers(agency)), "review an amendment of " + activity.getReference());
    guard.checkNotAuthor(activity, reviewer, "review an amendment of");
  }

  private static AuditAction decisionOf(Object value) {
    if ("APPROVE".equals(value)) {
      return AuditAction.AMENDMENT_APPROVED;
    }
    if ("REJECT".equals(value)) {
      return AuditAction.AMENDMENT_REJECTED;
    }
    throw new InvalidInputException("Amendment review", "amendmentDecision", "is required: APPROVE or REJECT");
  }
}
