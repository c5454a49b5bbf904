package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.activity.ActivityDetails;
import org.jointactivities.activity.ActivityFormValues;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.rules.TaskActor;
import org.springframework.stereotype.Component;

/**
 * "Revise proposal": shows the proposal with the reviewers' feedback to its proposer, who
 * resubmits it (validated like a new proposal) or withdraws it (reason required).
 */
@Component("revisionTaskListener")
public class RevisionTaskListener implements TaskListener {

  private final ActivityRegistry registry;
  private final ProposalValidator validator;
  private final ReviewRounds rounds;
  private final ActivityVariables variables;
  private final TaskActor actors;

  public RevisionTaskListener(ActivityRegistry registry, ProposalValidator validator, ReviewRounds rounds,
      ActivityVariables variables, TaskActor actors) {
    this.registry = registry;
    this.validator = validator;
    this.rounds = rounds;
    this.variables = variables;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    JointActivity activity = registry.get(ActivityVariables.activityId(task));
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        task.setVariablesLocal(ActivityFormValues.of(activity));
        task.setVariableLocal("reviewFeedback", rounds.feedback(activity.getId(), ReviewRounds.current(task)));
      }
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          checkIsProposer(activity, task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> complete(task, activity);
      default -> { }
    }
  }

  private void complete(DelegateTask task, JointActivity activity) {
    String officer = actors.of(task);
    checkIsProposer(activity, officer);
    Object decision = task.getVariable("revisionDecision");
    if ("RESUBMIT".equals(decision)) {
      ActivityDetails details = validator.validateRevision(ProposalForm.read(task.getVariables()),
          activity.getLeadAgency(), activity.getPartnerAgency());
      JointActivity revised = registry.revise(activity.getId(), details, officer, activity.getLeadAgency());
      variables.describe(task.getExecution(), revised);
      task.getExecution().setVariable("revisionRound", revised.getRevisionRound());
    } else if ("WITHDRAW".equals(decision)) {
      String reason = Withdrawals.reasonOf(task.getVariable("withdrawalReason"));
      // the task's own withdrawalReason is local to it; "Record withdrawal" reads the process's
      task.getExecution().getProcessInstance().setVariable("withdrawnBy", officer);
      task.getExecution().getProcessInstance().setVariable("withdrawalReason", reason);
    } else {
      throw new InvalidInputException("Revision", "revisionDecision", "must be RESUBMIT or WITHDRAW");
    }
  }

  private static void checkIsProposer(JointActivity activity, String officer) {
    if (!officer.equals(activity.getProposer())) {
      throw new ActionRefusedException("Only the proposer (" + activity.getProposer() + ") may revise "
          + activity.getReference() + ", not " + officer);
    }
  }
}
