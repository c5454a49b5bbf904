package org.jointactivities.intervention;

import java.security.Principal;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managers' interventions: {@code POST /api/activities/{reference}/suspension}, {@code /resumption}
 * and {@code /termination}, each with {@code {"reason": "…"}} (optional only for resumption).
 */
@RestController
class InterventionController {

  private final Interventions interventions;

  InterventionController(Interventions interventions) {
    this.interventions = interventions;
  }

  record InterventionRequest(String reason) {}

  record InterventionResult(String reference, ActivityState state) {
    static InterventionResult of(JointActivity activity) {
      return new InterventionResult(activity.getReference(), activity.getState());
    }
  }

  @PostMapping("/api/activities/{reference}/suspension")
  InterventionResult suspend(@PathVariable String reference, @RequestBody InterventionRequest request, Principal user) {
    return InterventionResult.of(interventions.suspend(reference, user.getName(), request.reason()));
  }

  @PostMapping("/api/activities/{reference}/resumption")
  InterventionResult resume(@PathVariable String reference, @RequestBody InterventionRequest request, Principal user) {
    return InterventionResult.of(interventions.resume(reference, user.getName(), request.reason()));
  }

  @PostMapping("/api/activities/{reference}/termination")
  InterventionResult terminate(@PathVariable String reference, @RequestBody InterventionRequest request, Principal user) {
    return InterventionResult.of(interventions.terminate(reference, user.getName(), request.reason()));
  }
}
