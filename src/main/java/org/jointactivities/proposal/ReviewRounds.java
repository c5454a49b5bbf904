package org.jointactivities.proposal;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.jointactivities.review.JointReviews;
import org.springframework.stereotype.Component;

/** The proposal's review rounds: counted in {@code reviewRound}; their decisions are the joint review's. */
@Component
class ReviewRounds {

  static final String VARIABLE = "reviewRound";

  private final JointReviews reviews;

  ReviewRounds(JointReviews reviews) {
    this.reviews = reviews;
  }

  /** The reviewers' comments of a round, for the officer who revises. */
  String feedback(long activityId, int round) {
    return reviews.feedback(ProposalReview.KIND, activityId, round);
  }

  static int current(VariableScope scope) {
    Object round = scope.getVariable(VARIABLE);
    return round instanceof Number number ? number.intValue() : 0;
  }

  static String step(int round) {
    return "review-" + round;
  }
}
