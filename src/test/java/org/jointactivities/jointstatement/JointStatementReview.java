package org.jointactivities.jointstatement;

import java.util.Map;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.review.ReviewDecisions;
import org.jointactivities.review.ReviewDecisions.Option;
import org.jointactivities.review.ReviewSubject;
import org.jointactivities.review.Verdict;
import org.jointactivities.rules.FourEyesGuard;
import org.springframework.boot.test.context.TestComponent;

/**
 * A new kind of jointly reviewed request, added as a newcomer would: a joint public statement about
 * an activity, approved or rejected by both agencies. This class, its model
 * ({@code jointstatement/joint-statement.bpmn}) and its review form are all it takes.
 */
@TestComponent
class JointStatementReview implements ReviewSubject {

  private static final ReviewDecisions DECISIONS = new ReviewDecisions("Statement review",
      new Option("APPROVE", Verdict.APPROVE, null),
      new Option("REJECT", Verdict.REJECT, "is required when rejecting: say what the statement must not say"));

  private final ActivityRegistry registry;
  private final FourEyesGuard guard;

  JointStatementReview(ActivityRegistry registry, FourEyesGuard guard) {
    this.registry = registry;
    this.guard = guard;
  }

  @Override public String kind() { return "joint-statement"; }
  @Override public String taskName() { return "Review joint statement"; }
  @Override public String formId() { return "JointStatementReviewForm"; }
  @Override public ReviewDecisions decisions() { return DECISIONS; }

  @Override
  public JointActivity activityOf(long activityId) {
    return registry.get(activityId);
  }

  @Override
  public Map<String, Object> shown(long activityId) {
    JointActivity activity = registry.get(activityId);
    return Map.of("title", activity.getTitle(), "summary", activity.getSummary());
  }

  @Override
  public String reviewing(JointActivity activity) {
    return "review the joint statement on " + activity.getReference();
  }

  @Override
  public void checkNotAuthor(long activityId, JointActivity activity, String reviewer) {
    guard.checkNotAuthor(activity, reviewer, "review a statement on");
  }

  @Override
  public String step(long activityId, int round) {
    return "statement-" + round;
  }

  @Override
  public AuditAction audited(String decision) {
    return "APPROVE".equals(decision) ? AuditAction.APPROVED : AuditAction.REJECTED;
  }
}
