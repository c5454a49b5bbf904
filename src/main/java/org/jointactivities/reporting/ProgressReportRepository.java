package org.jointactivities.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

  List<ProgressReport> findByActivityIdOrderByPeriodNumberAsc(Long activityId);

  Optional<ProgressReport> findByActivityIdAndPeriodNumber(Long activityId, int periodNumber);
}
