package org.jointactivities.exchange;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeEventRepository extends JpaRepository<ExchangeEvent, Long> {

  List<ExchangeEvent> findByRequestIdOrderByIdAsc(Long requestId);
}
