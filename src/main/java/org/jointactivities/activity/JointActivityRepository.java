package org.jointactivities.activity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface JointActivityRepository extends JpaRepository<JointActivity, Long>, JpaSpecificationExecutor<JointActivity> {

  long countByState(ActivityState state);

  List<JointActivity> findByState(ActivityState state);

  Optional<JointActivity> findByReference(String reference);
}
