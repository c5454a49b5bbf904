package org.jointactivities.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.rules.PlainText;
import org.jointactivities.task.ListedWith;
import org.jointactivities.task.TaskRules;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The review task of every joint review, one per party agency: named and filled by its subject;
 * only that agency's reviewers who are none of the subject's authors may work on it; the decision
 * must be one of the subject's, with the comment it needs; it is stored (one per round and agency,
 * kept so by the database) and recorded in the audit trail.
 */
@Component
class ReviewTaskRules implements TaskRules {

  private final JointReviews reviews;
  private final ActivityRegistry registry;
  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final ReviewContext context;

  ReviewTaskRules(JointReviews reviews, ActivityRegistry registry, AgencyDirectory agencies, FourEyesGuard guard,
      ReviewContext context) {
    this.reviews = reviews;
    this.registry = registry;
    this.agencies = agencies;
    this.guard = guard;
    this.context = context;
  }

  @Override
  public String name() {
    return "review";
  }

  @Override
  public void created(DelegateTask task) {
    ReviewSubject subject = reviews.subjectOf(task);
    task.setName(subject.taskName());
    long subjectId = JointReviews.subjectId(task);
    context.keepRound(subject.kind(), subjectId, JointReviews.round(task), subject.shown(subjectId));
    ListedWith.reference(task, subject.activityOf(subjectId));
  }

  /** The subject as it is now, and beside it the earlier rounds and this round's other decisions as they stand. */
  @Override
  public Map<String, Object> shown(DelegateTask task) {
    ReviewSubject subject = reviews.subjectOf(task);
    long subjectId = JointReviews.subjectId(task);
    Map<String, Object> shown = new LinkedHashMap<>(subject.shown(subjectId));
    shown.putAll(context.beside(subject.kind(), subjectId, JointReviews.round(task),
        (String) task.getVariable(JointReviews.AGENCY), shown));
    return shown;
  }

  /** What a review task is about: whose review of which subject, for which agency. */
  private record Review(ReviewSubject subject, long subjectId, String agency, JointActivity activity) {}

  private Review reviewOf(DelegateTask task) {
    ReviewSubject subject = reviews.subjectOf(task);
    long subjectId = JointReviews.subjectId(task);
    return new Review(subject, subjectId, (String) task.getVariable(JointReviews.AGENCY), subject.activityOf(subjectId));
  }

  @Override
  public void checkMayAct(DelegateTask task, String reviewer) {
    Review review = reviewOf(task);
    guard.checkActsFor(reviewer, review.agency(), List.of(agencies.groupId(review.agency(), Role.REVIEWER)),
        review.subject().reviewing(review.activity()));
    review.subject().checkNotAuthor(review.subjectId(), review.activity(), reviewer);
  }

  @Override
  public void completed(DelegateTask task, String reviewer) {
    Review review = reviewOf(task);
    ReviewSubject subject = review.subject();
    long subjectId = review.subjectId();
    String agency = review.agency();
    JointActivity activity = review.activity();
    ReviewDecisions rules = subject.decisions();
    ReviewDecisions.Option decision = decisionOf(task, rules);
    String comment = PlainText.comment(rules.what(), ReviewDecisions.COMMENT, task.getVariable(ReviewDecisions.COMMENT),
        decision.commentRule());
    int round = JointReviews.round(task);
    try {
      reviews.save(new ReviewDecision(subject.kind(), subjectId, round, agency, activity.getId(), reviewer,
          decision.value(), decision.verdict(), comment.isEmpty() ? null : comment, ClockUtil.getCurrentTime().toInstant()));
    } catch (DataIntegrityViolationException twice) {
      throw new ActionRefusedException(agency + " has already decided round " + round + " of this review of "
          + activity.getReference());
    }
    registry.record(activity.getId(), reviewer, agency, subject.audited(decision.value()), subject.step(subjectId, round),
        null, comment);
  }

  private static ReviewDecisions.Option decisionOf(DelegateTask task, ReviewDecisions rules) {
    Object value = task.getVariable(ReviewDecisions.DECISION);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(rules.what(), ReviewDecisions.DECISION, "is required: " + rules.choices());
    }
    return rules.option(value.toString().strip()).orElseThrow(
        () -> new InvalidInputException(rules.what(), ReviewDecisions.DECISION, "must be " + rules.choices()));
  }
}
