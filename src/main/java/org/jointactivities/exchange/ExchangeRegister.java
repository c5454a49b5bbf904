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
import org.jointactivities.portfolio.SpreadsheetCsv;
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

  static final List<String> CSV_HEADER = List.of("Reference", "Subject", "Requesting agency", "Providing agency",
      "Requester", "Classification", "Personal data", "State", "Requested", "Needed by", "Answered", "Acknowledged",
      "Days to answer", "Clarification rounds", "Joint activity", "Decline reason");
  private static final int CSV_PAGE = 500;

  @Transactional(readOnly = true)
  List<Entry> page(String user, ExchangeState state, String agency, int page, int size) {
    return requests.involving(visibleAgencies(user), state, agency, PageRequest.of(page, size)).stream().map(Entry::of)
        .toList();
  }

  /** Every entry the user may see, a page at a time from the database, as CSV lines. */
  @Transactional(readOnly = true)
  void csv(String user, ExchangeState state, String agency, SpreadsheetCsv csv) {
    Collection<String> visible = visibleAgencies(user);
    for (int page = 0; ; page++) {
      List<InformationRequest> rows = requests.involving(visible, state, agency, PageRequest.of(page, CSV_PAGE));
      rows.stream().map(Entry::of).forEach(e -> csv.line(List.of(e.reference(), e.subject(), e.requestingAgency(),
          e.providingAgency(), e.requester(), e.classification().name(), e.personalData() ? "yes" : "no", e.state().name(),
          e.requestedAt().toString(), e.neededBy().toString(), text(e.answeredAt()), text(e.acknowledgedAt()),
          text(e.daysToAnswer()), String.valueOf(e.clarificationRounds()), text(e.activityReference()),
          text(e.declineReason()))));
      if (rows.size() < CSV_PAGE) {
        return;
      }
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** Refuses (ActionRefusedException) someone the register is not for, before anything is written. */
  void checkMayRead(String user) {
    visibleAgencies(user);
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
