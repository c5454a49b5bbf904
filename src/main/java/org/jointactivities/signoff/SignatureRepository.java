package org.jointactivities.signoff;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SignatureRepository extends JpaRepository<Signature, Long> {

  List<Signature> findBySignOffId(String signOffId);

  List<Signature> findByActivityIdOrderByIdAsc(Long activityId);

  List<Signature> findByActivityIdIn(Collection<Long> activityIds);
}
