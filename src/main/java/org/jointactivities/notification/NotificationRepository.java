package org.jointactivities.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  /** Mails still to be sent: waiting for an attempt, not given up. */
  long countByNextAttemptAtIsNotNull();

  boolean existsByDedupKey(String dedupKey);

  List<Notification> findByActivityReferenceOrderByIdAsc(String activityReference);

  List<Notification> findBySentAtIsNullAndGaveUpAtIsNotNullOrderByIdAsc();

  /** Mails that gave up after all attempts and wait for an operator. */
  long countBySentAtIsNullAndGaveUpAtIsNotNull();

  /** When the oldest mail still to be sent was written. */
  @Query("select min(n.createdAt) from Notification n where n.nextAttemptAt is not null")
  Optional<Instant> oldestPending();

  @Query("""
      select n.id from Notification n where n.nextAttemptAt <= :now
      and (n.claimedUntil is null or n.claimedUntil < :now) order by n.nextAttemptAt, n.id""")
  List<Long> findDue(Instant now, Pageable page);

  /** Takes a due mail for one sender until {@code until}; 1 when this sender got it, 0 when another did. */
  @Modifying
  @Query("""
      update Notification n set n.claimedUntil = :until where n.id = :id and n.nextAttemptAt <= :now
      and (n.claimedUntil is null or n.claimedUntil < :now)""")
  int claim(long id, Instant now, Instant until);
}
