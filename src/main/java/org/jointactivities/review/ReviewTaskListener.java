package org.jointactivities.review;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.rules.PlainText;
import org.jointactivities.rules.TaskActor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The review task of every joint review, one per party agency: named and filled by its subject;
 * only that agency's reviewers who are none of the subject's authors may claim or complete it; the
 * decision must be one of the subject's, with the comment it needs; it is stored (one per round and
 * agency, kept so by the database) and recorded in the audit trail.
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

  private final JointReviews reviews;
  private final ActivityRegistry registry;
  private final AgencyDirectory agencies;
  private final FourEyesGuard guard;
  private final TaskActor actors;

  ReviewTaskListener(JointReviews reviews, ActivityRegistry registry, AgencyDirectory agencies, FourEyesGuard guard,
      TaskActor actors) {
    this.reviews = reviews;
    this.registry = registry;
    this.agencies = agencies;
    this.guard = guard;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewSubject subject = reviews.subjectOf(task);
    long subjectId = JointReviews.subjectId(task);
    String agency = (String) task.getVariable(JointReviews.AGENCY);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        task.setName(subject.taskName());
        task.setVariablesLocal(subject.shown(subjectId));
      }
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          checkMayReview(subject, subjectId, task.getAssignee(), agency);
        }
      }
      case EVENTNAME_COMPLETE -> complete(task, subject, subjectId, agency);
      default -> { }
    }
  }

  private void complete(DelegateTask task, ReviewSubject subject, long subjectId, String agency) {
    String reviewer = actors.of(task);
    JointActivity activity = checkMayReview(subject, subjectId, reviewer, agency);
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

  private JointActivity checkMayReview(ReviewSubject subject, long subjectId, String reviewer, String agency) {
    JointActivity activity = subject.activityOf(subjectId);
    guard.checkActsFor(reviewer, agency, List.of(agencies.groupId(agency, Role.REVIEWER)), subject.reviewing(activity));
    subject.checkNotAuthor(subjectId, activity, reviewer);
    return activity;
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
