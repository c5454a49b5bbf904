package org.jointactivities.party;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Gives each new process instance its parties' tenant. A called process (review, sign-off) takes
 * its caller's; a proposal's parties are in its start form, an amendment's are its activity's,
 * the implementation is started with them. An instance whose parties are unknown or not
 * configured gets none: its registration then refuses the input and nothing is kept.
 */
class PartyTenantIdProvider implements TenantIdProvider {

  static final String AMENDMENT_PROCESS = "ActivityAmendment";

  private final PartyTenants tenants;
  private final ObjectProvider<JointActivityRepository> activities;

  PartyTenantIdProvider(PartyTenants tenants, ObjectProvider<JointActivityRepository> activities) {
    this.tenants = tenants;
    this.activities = activities;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    if (AMENDMENT_PROCESS.equals(ctx.getProcessDefinition().getKey())) {
      Object reference = ctx.getVariables().get("activityReference");
      return reference instanceof String ref && ref.length() <= 40
          ? activities.getObject().findByReference(ref.strip())
              .flatMap((JointActivity activity) -> tenants.of(activity.getLeadAgency(), activity.getPartnerAgency()))
              .orElse(null)
          : null;
    }
    return tenants.of(ctx.getVariables().get("leadAgency"), ctx.getVariables().get("partnerAgency")).orElse(null);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }
}
