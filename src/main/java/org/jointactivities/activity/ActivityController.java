package org.jointactivities.activity;

import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.authorization.Groups;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An activity's registry record and audit trail, for members of its two agencies and administrators. */
@RestController
@RequestMapping("/api/activities")
class ActivityController {

  private final ActivityRegistry registry;
  private final IdentityLookup identity;
  private final AgencyDirectory agencies;

  ActivityController(ActivityRegistry registry, IdentityLookup identity, AgencyDirectory agencies) {
    this.registry = registry;
    this.identity = identity;
    this.agencies = agencies;
  }

  record ActivityView(JointActivity activity, List<AuditEntry> auditTrail) {}

  @GetMapping("/{reference}")
  ActivityView get(@PathVariable String reference, Principal user) {
    JointActivity activity = registry.getByReference(reference);
    var groups = identity.groupsOf(user.getName());
    boolean party = activity.agencies().stream()
        .map(agencies::get)
        .anyMatch(agency -> groups.stream().anyMatch(group -> group.startsWith(agency.groupPrefix())));
    if (!party && !groups.contains(Groups.CAMUNDA_ADMIN)) {
      // same answer as for a reference that does not exist: others' activities are not disclosed
      throw new NoSuchElementException("No joint activity with reference " + reference);
    }
    return new ActivityView(activity, registry.auditTrail(activity.getId()));
  }
}
