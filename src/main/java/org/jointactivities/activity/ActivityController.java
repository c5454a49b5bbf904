package org.jointactivities.activity;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An activity's registry record and audit trail, for members of its two agencies and administrators. */
@RestController
@RequestMapping("/api/activities")
class ActivityController {

  private final ActivityRegistry registry;
  private final ActivityAccess access;

  ActivityController(ActivityRegistry registry, ActivityAccess access) {
    this.registry = registry;
    this.access = access;
  }

  record ActivityView(JointActivity activity, List<AuditEntry> auditTrail) {}

  @GetMapping("/{reference}")
  ActivityView get(@PathVariable String reference, Principal user) {
    JointActivity activity = access.readable(reference, user.getName());
    return new ActivityView(activity, registry.auditTrail(activity.getId()));
  }
}
