package org.jointactivities.proposal;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.jointactivities.activity.ActivityAccess;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.PlainText;
import org.springframework.stereotype.Service;

/**
 * The proposer may withdraw a proposal at any point before it is signed (PRODUCT.md §2). The
 * withdrawal is a message to the proposal's process, which cancels open reviews or signatures.
 */
@Service
public class Withdrawals {

  static final String MESSAGE = "ProposalWithdrawn";
  private static final Set<ActivityState> WITHDRAWABLE =
      EnumSet.of(ActivityState.IN_REVIEW, ActivityState.CHANGES_REQUESTED, ActivityState.AWAITING_SIGNATURE);

  private final ActivityRegistry registry;
  private final ActivityAccess access;
  private final RuntimeService runtimeService;
  private final AsSystem asSystem;

  public Withdrawals(ActivityRegistry registry, ActivityAccess access, RuntimeService runtimeService, AsSystem asSystem) {
    this.registry = registry;
    this.access = access;
    this.runtimeService = runtimeService;
    this.asSystem = asSystem;
  }

  public JointActivity withdraw(String reference, String userId, String reason) {
    // to outsiders the activity does not exist: no refusal naming its proposer
    JointActivity activity = access.readable(reference, userId);
    if (!activity.getProposer().equals(userId)) {
      throw new ActionRefusedException("Only the proposer (" + activity.getProposer() + ") may withdraw "
          + reference + ", not " + userId);
    }
    if (!WITHDRAWABLE.contains(activity.getState())) {
      throw new IllegalStateException(reference + " is " + activity.getState() + " and can no longer be withdrawn");
    }
    String checkedReason = reasonOf(reason);
    // our rules allowed it; the proposer needs no right to change the process instance itself
    asSystem.run(() -> runtimeService.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(reference)
        .setVariable("withdrawnBy", userId)
        .setVariable("withdrawalReason", checkedReason)
        .correlateWithResult());
    return registry.getByReference(reference);
  }

  static String reasonOf(Object reason) {
    return PlainText.comment("Withdrawal", "withdrawalReason", reason, "is required: say why the proposal is withdrawn");
  }
}
