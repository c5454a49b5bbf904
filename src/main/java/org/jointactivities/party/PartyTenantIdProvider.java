package org.jointactivities.party;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Gives each new process instance its parties' tenant. A called process (review, sign-off) takes
 * its caller's; a proposal's parties are in its start form, an amendment's are its activity's,
 * the implementation is started with them; an information request is between the asking officer's
 * agency and the one its form asks. An instance whose parties are unknown or not
 * configured gets none: its registration then refuses the input and nothing is kept.
 */
class PartyTenantIdProvider implements TenantIdProvider {

  static final String AMENDMENT_PROCESS = "ActivityAmendment";
  static final String EXCHANGE_PROCESS = "InformationExchange";

  private final PartyTenants tenants;
  private final AgencyDirectory agencies;
  private final ObjectProvider<JointActivityRepository> activities;

  PartyTenantIdProvider(PartyTenants tenants, AgencyDirectory agencies,
      ObjectProvider<JointActivityRepository> activities) {
    this.tenants = tenants;
    this.agencies = agencies;
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
    if (EXCHANGE_PROCESS.equals(ctx.getProcessDefinition().getKey())) {
      return tenants.of(requestingAgency(), ctx.getVariables().get("providingAgency")).orElse(null);
    }
    return tenants.of(ctx.getVariables().get("leadAgency"), ctx.getVariables().get("partnerAgency")).orElse(null);
  }

  /** An information request comes from the agency whose programme officer asks (exchange/RequestValidator). */
  private String requestingAgency() {
    Authentication caller = Context.getCommandContext().getAuthentication();
    if (caller == null || caller.getGroupIds() == null) {
      return null;
    }
    List<Agency> own = agencies.ofRole(caller.getGroupIds(), Role.OFFICER);
    return own.size() == 1 ? own.get(0).code() : null;
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
