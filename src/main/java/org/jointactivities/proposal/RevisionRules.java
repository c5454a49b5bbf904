package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.activity.ActivityDetails;
import org.jointactivities.activity.ActivityFormValues;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.task.TaskRules;
import org.springframework.stereotype.Component;

/**
 * The rules of "Revise proposal": shows the proposal with the reviewers' feedback to its proposer, who
 * resubmits it (validated like a new proposal) or withdraws it (reason required).
 */
@Component
class RevisionRules implements TaskRules {

  private final ActivityRegistry registry;
  private final ProposalValidator validator;
  private final ReviewRounds rounds;
  private final ActivityVariables variables;

  RevisionRules(ActivityRegistry registry, ProposalValidator validator, ReviewRounds rounds, ActivityVariables variables) {
    this.registry = registry;
    this.validator = validator;
    this.rounds = rounds;
    this.variables = variables;
  }

  @Override
  public String name() {
    return "revision";
  }

  @Override
  public void created(DelegateTask task) {
    JointActivity activity = registry.get(ActivityVariables.activityId(task));
    task.setVariablesLocal(ActivityFormValues.of(activity));
    task.setVariableLocal("reviewFeedback", rounds.feedback(activity.getId(), ReviewRounds.current(task)));
  }

  @Override
  public void checkMayAct(DelegateTask task, String officer) {
    checkIsProposer(registry.get(ActivityVariables.activityId(task)), officer);
  }

  @Override
  public void completed(DelegateTask task, String officer) {
    JointActivity activity = registry.get(ActivityVariables.activityId(task));
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
