package org.jointactivities.party;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * Who may see an activity's processes, as the engine's tenants: each pair of configured agencies is
 * a tenant (e.g. {@code IOM-UNODC}); every process instance of an activity belongs to its parties'
 * pair, and a person belongs to the pairs of the agencies whose groups they hold. With the
 * engine's tenant check this takes the place of a grant per instance and per task: groups hold
 * grants on the process definitions, the tenant keeps them to their own agency's activities.
 */
@Component
public class PartyTenants {

  private final AgencyDirectory agencies;

  public PartyTenants(AgencyDirectory agencies) {
    this.agencies = agencies;
  }

  /** The tenant of two configured, different agencies; empty for anything else (the input is refused later). */
  public Optional<String> of(Object leadAgency, Object partnerAgency) {
    Optional<Agency> lead = leadAgency instanceof String code ? agencies.find(code) : Optional.empty();
    Optional<Agency> partner = partnerAgency instanceof String code ? agencies.find(code) : Optional.empty();
    if (lead.isEmpty() || partner.isEmpty() || lead.get().equals(partner.get())) {
      return Optional.empty();
    }
    return Optional.of(pair(lead.get().code(), partner.get().code()));
  }

  /** The tenants of a person holding these groups: every pair one of their agencies is part of. */
  public List<String> ofGroups(Collection<String> groupIds) {
    List<Agency> own = agencies.ofGroups(groupIds);
    TreeSet<String> tenants = new TreeSet<>();
    for (Agency agency : own) {
      for (Agency other : agencies.all()) {
        if (!other.equals(agency)) {
          tenants.add(pair(agency.code(), other.code()));
        }
      }
    }
    return List.copyOf(tenants);
  }

  /** Every pair of configured agencies. */
  public List<String> all() {
    return ofGroups(agencies.all().stream().flatMap(agency -> agency.groups().stream()).toList());
  }

  /**
   * Our own party check once an activity is registered: the instance was given the tenant of the
   * parties its start form named, and those must be the parties registered.
   */
  public void confirm(DelegateExecution execution, String leadAgency, String partnerAgency) {
    String expected = of(leadAgency, partnerAgency).orElseThrow();
    if (!expected.equals(execution.getTenantId())) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " belongs to "
          + execution.getTenantId() + ", not to its parties' " + expected);
    }
  }

  private static String pair(String one, String other) {
    return one.compareTo(other) < 0 ? one + "-" + other : other + "-" + one;
  }
}
