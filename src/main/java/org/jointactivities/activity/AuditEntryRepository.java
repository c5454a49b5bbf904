package org.jointactivities.activity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

  List<AuditEntry> findByActivityIdOrderByIdAsc(Long activityId);

  List<AuditEntry> findByActivityIdAndStepOrderByIdAsc(Long activityId, String step);

  List<AuditEntry> findByActivityIdAndActionOrderByIdAsc(Long activityId, AuditAction action);
}
