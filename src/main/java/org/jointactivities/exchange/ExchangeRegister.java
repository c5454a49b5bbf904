package org.jointactivities.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange register as managers read it (PRODUCT.md §7): who asked whom for what, when, under
 * which classification, how it ended and how long the answer took — never what was answered.
 * Managers see their agencies' requests, administrators all.
 */
@Component
class ExchangeRegister {

  /** One request in the register. {@code daysToAnswer}: from the request to the release of its answer. */
  record Entry(String reference, String subject, String requestingAgency, String providingAgency, String requester,
      Classification classification, boolean personalData, ExchangeState state, Instant requestedAt, LocalDate neededBy,
      Instant answeredAt, Instant acknowledgedAt, Long daysToAnswer, int clarificationRounds, String activityReference,
      String declineReason) {

    static Entry of(InformationRequest r) {
      return new Entry(r.getReference(), r.getSubject(), r.getRequestingAgency(), r.getProvidingAgency(), r.getRequester(),
          r.getClassification(), r.isPersonalData(), r.getState(), r.getRequestedAt(), r.getNeededBy(), r.getAnsweredAt(),
          r.getAcknowledgedAt(), r.getAnsweredAt() == null ? null : Duration.between(r.getRequestedAt(), r.getAnsweredAt()).toDays(),
          r.getClarificationRounds(), r.getActivityReference(),
          r.getState() == ExchangeState.DECLINED ? r.getOutcomeReason() : null);
    }
  }

  private final InformationRequestRepository requests;
  private final IdentityLookup identity;
  private final AgencyDirectory agencies;

  ExchangeRegister(InformationRequestRepository requests, IdentityLookup identity, AgencyDirectory agencies) {
    this.requests = requests;
    this.identity = identity;
    this.agencies = agencies;
  }

  @Transactional(readOnly = true)
  List<Entry> page(String user, int page, int size) {
    return requests.involving(visibleAgencies(user), PageRequest.of(page, size)).stream().map(Entry::of).toList();
  }

  private Collection<String> visibleAgencies(String user) {
    Set<String> groups = identity.groupsOf(user);
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return agencies.all().stream().map(Agency::code).toList();
    }
    List<Agency> managed = agencies.ofRole(groups, Role.MANAGER);
    if (managed.isEmpty()) {
      throw new ActionRefusedException("The exchange register is for managers: " + user + " manages for no agency");
    }
    return managed.stream().map(Agency::code).collect(Collectors.toSet());
  }
}
