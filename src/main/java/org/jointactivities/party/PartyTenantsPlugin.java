package org.jointactivities.party;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.activity.JointActivityRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Puts the party tenants into the engine: new instances get theirs, authenticated people theirs. */
@Component
class PartyTenantsPlugin extends AbstractProcessEnginePlugin {

  private final PartyTenants tenants;
  private final AgencyDirectory agencies;
  private final ObjectProvider<JointActivityRepository> activities;

  PartyTenantsPlugin(PartyTenants tenants, AgencyDirectory agencies, ObjectProvider<JointActivityRepository> activities) {
    this.tenants = tenants;
    this.agencies = agencies;
    this.activities = activities;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new PartyTenantIdProvider(tenants, agencies, activities));
    configuration.setIdentityService(new PartyTenantsIdentityService(tenants));
  }
}
