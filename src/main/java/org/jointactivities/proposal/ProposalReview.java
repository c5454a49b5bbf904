package org.jointactivities.proposal;

import java.util.Map;
import org.jointactivities.activity.ActivityFormValues;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.review.ReviewDecisions;
import org.jointactivities.review.ReviewDecisions.Option;
import org.jointactivities.review.ReviewSubject;
import org.jointactivities.review.Verdict;
import org.jointactivities.rules.FourEyesGuard;
import org.springframework.stereotype.Component;

/** A proposal in joint review: approve, request changes (say what) or reject (say why); the subject is the activity. */
@Component
class ProposalReview implements ReviewSubject {

  static final String KIND = "proposal";
  private static final ReviewDecisions DECISIONS = new ReviewDecisions("Review",
      new Option("APPROVE", Verdict.APPROVE, null),
      new Option("REQUEST_CHANGES", Verdict.REQUEST_CHANGES, "is required when requesting changes: say what to change"),
      new Option("REJECT", Verdict.REJECT, "is required when rejecting: give the reason"));

  private final ActivityRegistry registry;
  private final FourEyesGuard guard;

  ProposalReview(ActivityRegistry registry, FourEyesGuard guard) {
    this.registry = registry;
    this.guard = guard;
  }

  @Override public String kind() { return KIND; }
  @Override public String taskName() { return "Review proposal"; }
  @Override public String formId() { return "ProposalReviewForm"; }
  @Override public ReviewDecisions decisions() { return DECISIONS; }

  @Override
  public JointActivity activityOf(long activityId) {
    return registry.get(activityId);
  }

  @Override
  public Map<String, Object> shown(long activityId) {
    return ActivityFormValues.of(registry.get(activityId));
  }

  @Override
  public String reviewing(JointActivity activity) {
    return "review " + activity.getReference();
  }

  @Override
  public void checkNotAuthor(long activityId, JointActivity activity, String reviewer) {
    guard.checkNotAuthor(activity, reviewer, "review");
  }

  @Override
  public String step(long activityId, int round) {
    return ReviewRounds.step(round);
  }

  @Override
  public AuditAction audited(String decision) {
    return switch (decision) {
      case "APPROVE" -> AuditAction.APPROVED;
      case "REQUEST_CHANGES" -> AuditAction.CHANGES_REQUESTED;
      default -> AuditAction.REJECTED;
    };
  }
}
