package org.jointactivities.amendment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AmendmentRepository extends JpaRepository<Amendment, Long> {

  List<Amendment> findByActivityIdOrderByNumberAsc(Long activityId);

  Optional<Amendment> findByOpenForActivity(Long activityId);

  int countByActivityId(Long activityId);

  List<Amendment> findByActivityIdInAndStatus(Collection<Long> activityIds, AmendmentStatus status);
}
