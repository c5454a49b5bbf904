package org.jointactivities.activity;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

  List<AuditEntry> findByActivityIdOrderByIdAsc(Long activityId);

  List<AuditEntry> findByActivityIdAndStepOrderByIdAsc(Long activityId, String step);

  /** Who recorded any of these actions on the activity: one query, names only (asked on every claim and completion). */
  @Query("select distinct e.actor from AuditEntry e where e.activityId = :activityId and e.action in :actions")
  List<String> actorsOf(Long activityId, Collection<AuditAction> actions);
}
