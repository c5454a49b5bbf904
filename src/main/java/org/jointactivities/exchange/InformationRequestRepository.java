package org.jointactivities.exchange;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InformationRequestRepository extends JpaRepository<InformationRequest, Long> {

  Optional<InformationRequest> findByReference(String reference);

  List<InformationRequest> findByRequesterOrderByRequestedAtDescIdDesc(String requester, Pageable page);

  /**
   * The register as these agencies see it: the requests they made or received, newest first; a state
   * and an agency (asking or asked) narrow it when given.
   */
  @Query("select r from InformationRequest r where (r.requestingAgency in :agencies or r.providingAgency in :agencies)"
      + " and (:state is null or r.state = :state)"
      + " and (:agency is null or r.requestingAgency = :agency or r.providingAgency = :agency)"
      + " order by r.requestedAt desc, r.id desc")
  List<InformationRequest> involving(Collection<String> agencies, ExchangeState state, String agency, Pageable page);
}
