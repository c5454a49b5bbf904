package org.jointactivities.exchange;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExchangeAnswerRepository extends JpaRepository<ExchangeAnswer, Long> {

  /** Released answers naming the user among their recipients, newest first. */
  @Query("select a from ExchangeAnswer a join a.recipients recipient where recipient = :user and a.releasedAt is not null"
      + " order by a.releasedAt desc")
  List<ExchangeAnswer> releasedTo(String user, Pageable page);

  /** Answers with personal data, acknowledged before the moment and not yet purged: what retention removes. */
  @Query("select a from ExchangeAnswer a, InformationRequest r where r.id = a.requestId and r.personalData = true"
      + " and r.acknowledgedAt < :before and a.purgedAt is null")
  List<ExchangeAnswer> personalAcknowledgedBefore(Instant before);
}
