package org.jointactivities.signoff;

import java.util.List;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.SignatoryLevel;
import org.springframework.stereotype.Component;

/** Who may sign for an agency at a required level; the model's candidate groups come from here. */
@Component("signatories")
public class Signatories {

  private final AgencyDirectory agencies;

  public Signatories(AgencyDirectory agencies) {
    this.agencies = agencies;
  }

  /** Groups of the agency's signatories at the required level or above, e.g. for {@code ${signatories.candidateGroups(signingAgency, requiredLevel)}}. */
  public List<String> candidateGroups(String agencyCode, String requiredLevel) {
    Agency agency = agencies.get(agencyCode);
    return SignatoryLevel.valueOf(requiredLevel).andAbove().stream().map(level -> level.groupId(agency)).toList();
  }
}
