package org.jointactivities.exchange;

import java.util.Optional;
import java.util.Set;
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
    return user != null && mayRead(reader(user), request, answer);
  }

  /**
   * The answer's documents follow the answer; while there is none yet, its possible preparers (the
   * providing agency's officers and focal points) and data-protection focal points read them.
   */
  boolean mayReadDocuments(String user, InformationRequest request, Optional<ExchangeAnswer> answer) {
    if (user == null) {
      return false;
    }
    Reader reader = reader(user);
    return answer.isPresent() ? mayRead(reader, request, answer.get())
        : mayPrepare(reader, request) || reader.holds(request.getProvidingAgency(), Role.DATA_PROTECTION);
  }

  /** Who may attach to the answer: while it is being prepared, who may prepare it. */
  boolean mayAttach(String user, InformationRequest request) {
    return request.getState() == ExchangeState.ACCEPTED && mayPrepare(reader(user), request);
  }

  /** Someone asking, by the id the identity store writes (a directory matches any case) and with their groups. */
  private record Reader(String id, Set<String> groups, AgencyDirectory agencies) {
    boolean holds(String agency, Role role) {
      return groups.contains(agencies.groupId(agency, role));
    }

    boolean of(String agency) {
      return agencies.ofGroups(groups).stream().anyMatch(own -> own.code().equals(agency));
    }
  }

  private Reader reader(String user) {
    return new Reader(identity.storedIdOf(user), identity.groupsOf(user), agencies);
  }

  private static boolean mayRead(Reader reader, InformationRequest request, ExchangeAnswer answer) {
    String providing = request.getProvidingAgency();
    if (reader.id().equals(answer.getPreparedBy()) || reader.holds(providing, Role.REVIEWER)
        || reader.holds(providing, Role.DATA_PROTECTION)) {
      return true; // on the case
    }
    if (answer.getReleasedAt() == null) {
      return false;
    }
    return request.getClassification().needToKnow() ? answer.getRecipients().contains(reader.id())
        : reader.of(request.getRequestingAgency());
  }

  private static boolean mayPrepare(Reader reader, InformationRequest request) {
    String providing = request.getProvidingAgency();
    return !reader.id().equals(request.getRequester())
        && (reader.holds(providing, Role.OFFICER) || reader.holds(providing, Role.REVIEWER));
  }

  /** Whether the person is of the requesting agency at all: who may be named a recipient. */
  boolean ofRequestingAgency(String user, InformationRequest request) {
    return reader(user).of(request.getRequestingAgency());
  }
}
