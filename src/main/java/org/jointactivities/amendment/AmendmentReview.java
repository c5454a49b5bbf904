package org.jointactivities.amendment;

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

/**
 * An amendment in joint review: the activity as agreed and what the amendment changes; approve, or
 * reject with a reason. Its requester, like the activity's authors, does not review it.
 */
@Component
class AmendmentReview implements ReviewSubject {

  static final String KIND = "amendment";
  private static final ReviewDecisions DECISIONS = new ReviewDecisions("Amendment review",
      new Option("APPROVE", Verdict.APPROVE, null),
      new Option("REJECT", Verdict.REJECT, "is required when rejecting: give the reason"));

  private final Amendments amendments;
  private final ActivityRegistry registry;
  private final FourEyesGuard guard;

  AmendmentReview(Amendments amendments, ActivityRegistry registry, FourEyesGuard guard) {
    this.amendments = amendments;
    this.registry = registry;
    this.guard = guard;
  }

  @Override public String kind() { return KIND; }
  @Override public String taskName() { return "Review amendment"; }
  @Override public String formId() { return "AmendmentReviewForm"; }
  @Override public ReviewDecisions decisions() { return DECISIONS; }

  @Override
  public JointActivity activityOf(long amendmentId) {
    return registry.get(amendments.get(amendmentId).getActivityId());
  }

  @Override
  public Map<String, Object> shown(long amendmentId) {
    Amendment amendment = amendments.get(amendmentId);
    JointActivity activity = registry.get(amendment.getActivityId());
    Map<String, Object> shown = ActivityFormValues.of(activity);
    shown.put("amendmentSummary", Amendments.describe(amendment, activity));
    return shown;
  }

  @Override
  public String reviewing(JointActivity activity) {
    return "review an amendment of " + activity.getReference();
  }

  @Override
  public void checkNotAuthor(long amendmentId, JointActivity activity, String reviewer) {
    guard.checkNotAuthor(activity, reviewer, "review an amendment of");
  }

  @Override
  public String step(long amendmentId, int round) {
    return Amendments.reviewStep(amendments.get(amendmentId), round);
  }

  @Override
  public AuditAction audited(String decision) {
    return "APPROVE".equals(decision) ? AuditAction.AMENDMENT_APPROVED : AuditAction.AMENDMENT_REJECTED;
  }
}
