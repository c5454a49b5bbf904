package org.jointactivities.portfolio;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.stereotype.Component;

/** Whose activities a user sees in the portfolio: those of the agencies they belong to; administrators all. */
@Component
class PortfolioAccess {

  private final IdentityLookup identity;
  private final AgencyDirectory agencies;

  PortfolioAccess(IdentityLookup identity, AgencyDirectory agencies) {
    this.identity = identity;
    this.agencies = agencies;
  }

  /** The codes of the user's agencies, or null for an administrator (everything). */
  Set<String> visibleAgencies(String userId) {
    Set<String> groups = identity.groupsOf(userId);
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return null;
    }
    return agencies.ofGroups(groups).stream().map(Agency::code).collect(Collectors.toSet());
  }
}
