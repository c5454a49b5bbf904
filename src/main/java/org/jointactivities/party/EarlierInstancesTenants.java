package org.jointactivities.party;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings instances started before the party tenants into them, once, at start: their runtime rows
 * get their activity's tenant (the engine has no call to move an instance), and the read grants
 * written per instance and per task for the manager groups are removed. Without this, every
 * manager could read them through the grants on the process definitions. Idempotent, so two nodes
 * starting together do no harm; the engine's history keeps no tenant for them (only
 * administrators read it).
 */
@Component
@DependsOn("entityManagerFactory")
public class EarlierInstancesTenants {

  private static final Logger LOG = LoggerFactory.getLogger(EarlierInstancesTenants.class);
  private static final String ROOTS = "select ID_ from ACT_RU_EXECUTION where ID_ = ROOT_PROC_INST_ID_ and BUSINESS_KEY_ in"
      + " (select reference from joint_activity where (lead_agency = ? and partner_agency = ?) or (lead_agency = ? and partner_agency = ?))";
  private static final String INSTANCES = "select PROC_INST_ID_ from ACT_RU_EXECUTION where ROOT_PROC_INST_ID_ in (" + ROOTS + ")";
  /** Each runtime table with a tenant, and how its rows name their instance. */
  private static final Map<String, String> TABLES = Map.of(
      "ACT_RU_TASK", "PROC_INST_ID_ in (" + INSTANCES + ")",
      "ACT_RU_VARIABLE", "PROC_INST_ID_ in (" + INSTANCES + ")",
      "ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_ in (" + INSTANCES + ")",
      "ACT_RU_INCIDENT", "PROC_INST_ID_ in (" + INSTANCES + ")",
      "ACT_RU_EXT_TASK", "PROC_INST_ID_ in (" + INSTANCES + ")",
      "ACT_RU_JOB", "ROOT_PROC_INST_ID_ in (" + ROOTS + ")",
      "ACT_RU_EXECUTION", "ROOT_PROC_INST_ID_ in (" + ROOTS + ")");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final AgencyDirectory agencies;
  private final PartyTenants tenants;

  EarlierInstancesTenants(ProcessEngine engineFirst, JdbcTemplate jdbc, TransactionTemplate transaction,
      AgencyDirectory agencies, PartyTenants tenants) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.agencies = agencies;
    this.tenants = tenants;
  }

  @PostConstruct
  public void move() {
    transaction.executeWithoutResult(status -> {
      int rows = 0;
      for (Map<String, Object> pair : jdbc.queryForList("select distinct lead_agency, partner_agency from joint_activity")) {
        String lead = (String) pair.get("lead_agency");
        String partner = (String) pair.get("partner_agency");
        String tenant = tenants.of(lead, partner).orElse(null);
        if (tenant == null) {
          continue; // an agency no longer configured: its activities stay as they were
        }
        Object[] parties = {lead, partner, partner, lead};
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
          rows += jdbc.update("update " + table.getKey() + " set TENANT_ID_ = ? where TENANT_ID_ is null and " + table.getValue(),
              prepend(tenant, parties));
        }
        rows += jdbc.update("update ACT_RU_IDENTITYLINK set TENANT_ID_ = ? where TENANT_ID_ is null and TASK_ID_ in"
            + " (select ID_ from ACT_RU_TASK where TENANT_ID_ = ?)", tenant, tenant);
      }
      List<String> managers = agencies.all().stream().map(agency -> agency.groupId(Role.MANAGER)).toList();
      int grants = 0;
      for (String group : managers) {
        grants += jdbc.update("delete from ACT_RU_AUTHORIZATION where GROUP_ID_ = ? and RESOURCE_TYPE_ in (?, ?) and RESOURCE_ID_ <> '*'",
            group, Resources.PROCESS_INSTANCE.resourceType(), Resources.TASK.resourceType());
      }
      if (rows > 0 || grants > 0) {
        LOG.info("Earlier activities moved into their parties' tenants: {} runtime rows, {} per-instance grants removed", rows, grants);
      }
    });
  }

  private static Object[] prepend(String first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
