package org.jointactivities.proposal;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.AuditEntry;
import org.springframework.stereotype.Component;

/**
 * The decisions of a review round, read from the audit trail (not from process variables, which
 * two reviewers deciding at once would overwrite). Also used by the model's completion condition:
 * {@code ${reviewRounds.anyRejection(activityId, reviewRound)}} ends the round at the first rejection.
 */
@Component("reviewRounds")
public class ReviewRounds {

  static final String VARIABLE = "reviewRound";

  private final ActivityRegistry registry;

  public ReviewRounds(ActivityRegistry registry) {
    this.registry = registry;
  }

  public boolean anyRejection(long activityId, int round) {
    return decisions(activityId, round).stream().anyMatch(entry -> entry.getAction() == AuditAction.REJECTED);
  }

  /** REJECTED if anyone rejected, else CHANGES_REQUESTED if anyone asked for changes, else APPROVED. */
  public String outcome(long activityId, int round) {
    List<AuditAction> actions = decisions(activityId, round).stream().map(AuditEntry::getAction).toList();
    if (actions.contains(AuditAction.REJECTED)) {
      return "REJECTED";
    }
    return actions.contains(AuditAction.CHANGES_REQUESTED) ? "CHANGES_REQUESTED" : "APPROVED";
  }

  /** The reviewers' comments of a round, for the officer who revises. */
  public String feedback(long activityId, int round) {
    return decisions(activityId, round).stream()
        .filter(entry -> entry.getComment() != null)
        .map(entry -> entry.getAgency() + " (" + entry.getActor() + "): " + entry.getComment())
        .reduce((a, b) -> a + "\n\n" + b).orElse("");
  }

  List<AuditEntry> decisions(long activityId, int round) {
    return registry.entriesOfStep(activityId, step(round)).stream()
        .filter(entry -> entry.getAction() == AuditAction.APPROVED || entry.getAction() == AuditAction.CHANGES_REQUESTED
            || entry.getAction() == AuditAction.REJECTED)
        .toList();
  }

  static int current(VariableScope scope) {
    Object round = scope.getVariable(VARIABLE);
    return round instanceof Number number ? number.intValue() : 0;
  }

  static String step(int round) {
    return "review-" + round;
  }
}
