package org.jointactivities.activity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JointActivityRepository extends JpaRepository<JointActivity, Long> {

  Optional<JointActivity> findByReference(String reference);
}
