package org.jointactivities.exchange;

import java.util.Optional;
import java.util.Set;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.stereotype.Component;

/**
 * Who may read an answer (PRODUCT.md §7, need-to-know). The providing agency's people on the case —
 * its focal points, its data-protection focal points and whoever prepared the answer — always; the
 * requesting agency only once the answer is released: a public or internal answer anyone of it, a
 * confidential or strictly confidential one only its named recipients. Nobody else, administrators
 * neither: every route to an answer (our API, the forms of the tasks that show it) asks here.
 */
@Component
class AnswerAccess {

  private final IdentityLookup identity;
  private final AgencyDirectory agencies;

  AnswerAccess(IdentityLookup identity, AgencyDirectory agencies) {
    this.identity = identity;
    this.agencies = agencies;
  }

  boolean mayRead(String user, InformationRequest request, ExchangeAnswer answer) {
    if (user == null) {
      return false;
    }
    Set<String> groups = identity.groupsOf(user);
    if (onTheCase(user, groups, request, answer)) {
      return true;
    }
    if (answer.getReleasedAt() == null) {
      return false;
    }
    if (request.getClassification().needToKnow()) {
      return answer.getRecipients().contains(user);
    }
    return agencies.ofGroups(groups).stream().anyMatch(agency -> agency.code().equals(request.getRequestingAgency()));
  }

  private boolean onTheCase(String user, Set<String> groups, InformationRequest request, ExchangeAnswer answer) {
    Agency providing = agencies.get(request.getProvidingAgency());
    return user.equals(answer.getPreparedBy())
        || groups.contains(providing.groupId(Role.REVIEWER))
        || groups.contains(providing.groupId(Role.DATA_PROTECTION));
  }

  /**
   * The answer's documents follow the answer; while there is none yet, its possible preparers (the
   * providing agency's officers and focal points) and data-protection focal points read them.
   */
  boolean mayReadDocuments(String user, InformationRequest request, Optional<ExchangeAnswer> answer) {
    if (answer.isPresent()) {
      return mayRead(user, request, answer.get());
    }
    return user != null && mayPrepare(user, request) || isProvidingDataProtection(user, request);
  }

  /** Who may attach to the answer: while it is being prepared, who may prepare it. */
  boolean mayAttach(String user, InformationRequest request) {
    return request.getState() == ExchangeState.ACCEPTED && mayPrepare(user, request);
  }

  private boolean mayPrepare(String user, InformationRequest request) {
    Agency providing = agencies.get(request.getProvidingAgency());
    Set<String> groups = identity.groupsOf(user);
    return !identity.storedIdOf(user).equals(request.getRequester())
        && (groups.contains(providing.groupId(Role.OFFICER)) || groups.contains(providing.groupId(Role.REVIEWER)));
  }

  private boolean isProvidingDataProtection(String user, InformationRequest request) {
    return user != null && identity.groupsOf(user).contains(agencies.get(request.getProvidingAgency()).groupId(Role.DATA_PROTECTION));
  }

  /** Whether the person is of the requesting agency at all: who may be named a recipient. */
  boolean ofRequestingAgency(String user, InformationRequest request) {
    return agencies.ofGroups(identity.groupsOf(user)).stream()
        .anyMatch(agency -> agency.code().equals(request.getRequestingAgency()));
  }
}
