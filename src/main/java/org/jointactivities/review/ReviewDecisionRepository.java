package org.jointactivities.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewDecisionRepository extends JpaRepository<ReviewDecision, Long> {

  List<ReviewDecision> findBySubjectTypeAndSubjectIdAndRoundOrderByDecidedAtAsc(String subjectType, Long subjectId,
      int round);

  /** The decisions of the rounds before one, round by round. */
  List<ReviewDecision> findBySubjectTypeAndSubjectIdAndRoundLessThanOrderByRoundAscDecidedAtAsc(String subjectType,
      Long subjectId, int round);
}
