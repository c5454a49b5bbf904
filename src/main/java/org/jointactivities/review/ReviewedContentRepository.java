package org.jointactivities.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewedContentRepository extends JpaRepository<ReviewedContent, Long> {

  Optional<ReviewedContent> findBySubjectTypeAndSubjectIdAndRound(String subjectType, Long subjectId, int round);

  /** What the latest round before this one showed. */
  Optional<ReviewedContent> findFirstBySubjectTypeAndSubjectIdAndRoundLessThanOrderByRoundDesc(String subjectType,
      Long subjectId, int round);
}
