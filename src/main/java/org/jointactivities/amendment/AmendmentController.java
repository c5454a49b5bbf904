package org.jointactivities.amendment;

import java.security.Principal;
import java.util.List;
import org.jointactivities.activity.ActivityAccess;
import org.jointactivities.activity.JointActivity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An activity's amendments, each with what it changed from and to: {@code GET /api/activities/{reference}/amendments}. */
@RestController
class AmendmentController {

  private final ActivityAccess access;
  private final Amendments amendments;

  AmendmentController(ActivityAccess access, Amendments amendments) {
    this.access = access;
    this.amendments = amendments;
  }

  @GetMapping("/api/activities/{reference}/amendments")
  List<Amendment> amendments(@PathVariable String reference, Principal user) {
    JointActivity activity = access.readable(reference, user.getName());
    return amendments.forActivity(activity.getId());
  }
}
