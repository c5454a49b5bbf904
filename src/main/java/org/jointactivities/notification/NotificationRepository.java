package org.jointactivities.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  long countBySentAtIsNull();

  boolean existsByDedupKey(String dedupKey);

  List<Notification> findByActivityReferenceOrderByIdAsc(String activityReference);
}
