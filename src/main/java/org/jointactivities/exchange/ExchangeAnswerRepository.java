package org.jointactivities.exchange;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExchangeAnswerRepository extends JpaRepository<ExchangeAnswer, Long> {

  /** Answers with personal data, acknowledged before the moment and not yet purged: what retention removes. */
  @Query("select a from ExchangeAnswer a, InformationRequest r where r.id = a.requestId and r.personalData = true"
      + " and r.acknowledgedAt < :before and a.purgedAt is null")
  List<ExchangeAnswer> personalAcknowledgedBefore(Instant before);
}
