package org.jointactivities.exchange;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InformationRequestRepository extends JpaRepository<InformationRequest, Long> {

  Optional<InformationRequest> findByReference(String reference);

  /** The register as one of these agencies sees it: the requests it made or received, newest first. */
  @Query("select r from InformationRequest r where r.requestingAgency in :agencies or r.providingAgency in :agencies"
      + " order by r.requestedAt desc, r.id desc")
  List<InformationRequest> involving(Collection<String> agencies, Pageable page);
}
