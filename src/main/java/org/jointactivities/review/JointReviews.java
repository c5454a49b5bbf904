package org.jointactivities.review;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.jointactivities.activity.JointActivity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The joint reviews' rules, as the model JointReview uses them: who the parties are
 * ({@code ${jointReviews.parties(reviewSubject, subjectId)}}), whether a round ends early
 * ({@code ${jointReviews.anyRejection(…)}}) and what it came to; and the decisions of a round, for
 * the people who act on them (feedback). Subjects are found by their kind.
 */
@Component("jointReviews")
public class JointReviews {

  static final String SUBJECT = "reviewSubject";
  static final String SUBJECT_ID = "subjectId";
  static final String ROUND = "reviewRound";
  static final String AGENCY = "reviewAgency";

  /** Found when first needed: subjects may themselves use the reviews (their feedback). */
  private final ObjectProvider<ReviewSubject> subjectBeans;
  private final ReviewDecisionRepository decisions;
  private volatile Map<String, ReviewSubject> subjects;

  JointReviews(ObjectProvider<ReviewSubject> subjectBeans, ReviewDecisionRepository decisions) {
    this.subjectBeans = subjectBeans;
    this.decisions = decisions;
  }

  /** The review task's form, as the model asks: {@code ${jointReviews.form(reviewSubject)}}. */
  public String form(String kind) {
    return subject(kind).formId();
  }

  /** The agencies that review: every party of the subject's activity, lead first. */
  public List<String> parties(String kind, long subjectId) {
    JointActivity activity = subject(kind).activityOf(subjectId);
    return activity.agencies();
  }

  public boolean anyRejection(String kind, long subjectId, int round) {
    return of(kind, subjectId, round).stream().anyMatch(decision -> decision.getVerdict() == Verdict.REJECT);
  }

  /** REJECTED if anyone rejected, else CHANGES_REQUESTED if anyone asked for changes, else APPROVED. */
  public String outcome(String kind, long subjectId, int round) {
    List<Verdict> verdicts = of(kind, subjectId, round).stream().map(ReviewDecision::getVerdict).toList();
    if (verdicts.contains(Verdict.REJECT)) {
      return "REJECTED";
    }
    return verdicts.contains(Verdict.REQUEST_CHANGES) ? "CHANGES_REQUESTED" : "APPROVED";
  }

  /** The decisions of a round, in the order they were taken. */
  public List<ReviewDecision> of(String kind, long subjectId, int round) {
    return decisions.findBySubjectTypeAndSubjectIdAndRoundOrderByDecidedAtAsc(kind, subjectId, round);
  }

  /** What the reviewers of a round wrote, for whoever revises: "IOM (iom-reviewer): …". */
  public String feedback(String kind, long subjectId, int round) {
    return of(kind, subjectId, round).stream()
        .filter(decision -> decision.getComment() != null && !decision.getComment().isEmpty())
        .map(decision -> decision.getAgency() + " (" + decision.getReviewer() + "): " + decision.getComment())
        .collect(Collectors.joining("\n\n"));
  }

  ReviewSubject subject(String kind) {
    if (subjects == null) {
      subjects = subjectBeans.orderedStream().collect(Collectors.toMap(ReviewSubject::kind, Function.identity()));
    }
    ReviewSubject subject = subjects.get(kind);
    if (subject == null) {
      throw new IllegalStateException("No review subject '" + kind + "' (known: " + subjects.keySet() + ")");
    }
    return subject;
  }

  ReviewSubject subjectOf(VariableScope scope) {
    return subject((String) scope.getVariable(SUBJECT));
  }

  static long subjectId(VariableScope scope) {
    return ((Number) scope.getVariable(SUBJECT_ID)).longValue();
  }

  static int round(VariableScope scope) {
    return ((Number) scope.getVariable(ROUND)).intValue();
  }

  ReviewDecision save(ReviewDecision decision) {
    return decisions.saveAndFlush(decision);
  }
}
