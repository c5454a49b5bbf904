package org.jointactivities.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.identity.AsSystem;
import org.springframework.stereotype.Component;

/** The people of an agency (members of any of its groups), as a form's options: who an answer may be addressed to. */
@Component
class AgencyPeople {

  private final IdentityService identity;
  private final AgencyDirectory agencies;
  private final AsSystem asSystem;

  AgencyPeople(IdentityService identity, AgencyDirectory agencies, AsSystem asSystem) {
    this.identity = identity;
    this.agencies = agencies;
    this.asSystem = asSystem;
  }

  /** Options {@code {label, value}} sorted by name. */
  List<Map<String, String>> options(String agencyCode) {
    Map<String, Map<String, String>> byLabel = new TreeMap<>();
    for (String group : agencies.get(agencyCode).groups()) {
      for (User user : asSystem.call(() -> identity.createUserQuery().memberOfGroup(group).list())) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
            + (user.getLastName() == null ? "" : user.getLastName())).strip();
        String label = (name.isEmpty() ? user.getId() : name) + " (" + user.getId() + ")";
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", user.getId());
        byLabel.put(label, option);
      }
    }
    return List.copyOf(byLabel.values());
  }
}
