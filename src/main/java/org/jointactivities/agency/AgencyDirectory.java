package org.jointactivities.agency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The configured agencies, looked up by code. Group ids and forms are derived from this list.
 * The models use it as {@code ${agencies.pair(leadAgency, partnerAgency)}} and
 * {@code ${agencies.reviewers(reviewAgency)}}, {@code ${agencies.officers(leadAgency)}} and
 * {@code ${agencies.dataProtection(providingAgency)}}.
 */
@Component("agencies")
public class AgencyDirectory {

  private final Map<String, Agency> byCode = new LinkedHashMap<>();

  public AgencyDirectory(AgencyProperties properties) {
    for (Agency agency : properties.agencies()) {
      if (agency.code() == null || !agency.code().matches("[A-Z][A-Z0-9]{1,19}")) {
        throw new IllegalStateException(
            "joint-activities.agencies: code '" + agency.code() + "' must be 2-20 upper-case letters or digits");
      }
      if (byCode.put(agency.code(), agency) != null) {
        throw new IllegalStateException("joint-activities.agencies: code " + agency.code() + " is listed twice");
      }
    }
    if (byCode.size() < 2) {
      throw new IllegalStateException("joint-activities.agencies: at least two agencies are needed");
    }
  }

  public List<Agency> all() {
    return List.copyOf(byCode.values());
  }

  /** Every group the product works with: the administrators', then each agency's. */
  public List<RoleGroup> roleGroups() {
    List<RoleGroup> groups = new ArrayList<>(List.of(RoleGroup.ADMINISTRATORS));
    byCode.values().forEach(agency -> groups.addAll(agency.roleGroups()));
    return groups;
  }

  public Optional<Agency> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
  }

  /** The agencies whose groups are among these: the agencies a person with these groups belongs to. */
  public List<Agency> ofGroups(Collection<String> groups) {
    return byCode.values().stream()
        .filter(agency -> groups.stream().anyMatch(group -> group.startsWith(agency.groupPrefix()))).toList();
  }

  /** The agencies in which a person with these groups holds the role. */
  public List<Agency> ofRole(Collection<String> groups, Role role) {
    return byCode.values().stream().filter(agency -> groups.contains(agency.groupId(role))).toList();
  }

  public Agency get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown agency: " + code));
  }

  public String groupId(String agencyCode, Role role) {
    return get(agencyCode).groupId(role);
  }

  /** The two parties of an activity, lead first: what the review and sign-off iterate over. */
  public List<String> pair(String leadAgency, String partnerAgency) {
    return List.of(get(leadAgency).code(), get(partnerAgency).code());
  }

  public String reviewers(String agencyCode) {
    return groupId(agencyCode, Role.REVIEWER);
  }

  /** An agency's data-protection focal points: who clears answers with personal or strictly confidential data. */
  public String dataProtection(String agencyCode) {
    return groupId(agencyCode, Role.DATA_PROTECTION);
  }

  /** The programme officers of an agency: who submits the lead agency's progress reports. */
  public String officers(String agencyCode) {
    return groupId(agencyCode, Role.OFFICER);
  }
}
