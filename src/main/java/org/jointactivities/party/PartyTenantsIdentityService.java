package org.jointactivities.party;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The engine's identity service, but whoever authenticates someone (our REST sign-in, the webapps'
 * login, single sign-on, our own services acting as a user) also gives them their party tenants,
 * derived from their groups: so no path can forget them, and none needs tenants in the directory.
 */
class PartyTenantsIdentityService extends IdentityServiceImpl {

  private final PartyTenants tenants;

  PartyTenantsIdentityService(PartyTenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public void setAuthentication(Authentication auth) {
    if (auth == null || auth.getGroupIds() == null || auth.getGroupIds().isEmpty()) {
      super.setAuthentication(auth);
      return;
    }
    List<String> withParties = new ArrayList<>(tenants.ofGroups(auth.getGroupIds()));
    if (auth.getTenantIds() != null) {
      auth.getTenantIds().stream().filter(tenant -> !withParties.contains(tenant)).forEach(withParties::add);
    }
    super.setAuthentication(new Authentication(auth.getUserId(), auth.getGroupIds(), withParties));
  }
}
