package org.jointactivities.activity;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JointActivityRepository extends JpaRepository<JointActivity, Long>, JpaSpecificationExecutor<JointActivity> {

  long countByState(ActivityState state);

  List<JointActivity> findByState(ActivityState state);

  Optional<JointActivity> findByReference(String reference);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from JointActivity a where a.id = :id")
  Optional<JointActivity> lockById(@Param("id") Long id);
}
