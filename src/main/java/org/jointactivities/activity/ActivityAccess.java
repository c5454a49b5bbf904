package org.jointactivities.activity;

import java.util.NoSuchElementException;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.stereotype.Component;

/** Who may read an activity through our API: members of its two agencies, and administrators. */
@Component
public class ActivityAccess {

  private final ActivityRegistry registry;
  private final IdentityLookup identity;
  private final AgencyDirectory agencies;

  ActivityAccess(ActivityRegistry registry, IdentityLookup identity, AgencyDirectory agencies) {
    this.registry = registry;
    this.identity = identity;
    this.agencies = agencies;
  }

  /** The activity, or "not found" for anyone else: others' activities are not disclosed. */
  public JointActivity readable(String reference, String userId) {
    JointActivity activity = registry.getByReference(reference);
    Set<String> groups = identity.groupsOf(userId);
    boolean party = agencies.ofGroups(groups).stream().anyMatch(agency -> activity.agencies().contains(agency.code()));
    if (!party && !groups.contains(Groups.CAMUNDA_ADMIN)) {
      throw new NoSuchElementException("No joint activity with reference " + reference);
    }
    return activity;
  }
}
