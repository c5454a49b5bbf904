package org.jointactivities.signoff;

import java.util.List;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.AuditEntry;
import org.springframework.stereotype.Component;

/**
 * The state of one sign-off (one run of the DualAgencySignOff process, identified by its process
 * instance id), read from the signatures and the audit trail. The model's completion condition
 * {@code ${signOffs.anyDeclined(activityId, execution.processInstanceId)}} ends it at the first decline.
 */
@Component("signOffs")
public class SignOffs {

  private final ActivityRegistry registry;
  private final SignatureRepository signatures;

  public SignOffs(ActivityRegistry registry, SignatureRepository signatures) {
    this.registry = registry;
    this.signatures = signatures;
  }

  public boolean anyDeclined(long activityId, String signOffId) {
    return !declines(activityId, signOffId).isEmpty();
  }

  /** SIGNED when every party signed; otherwise what the decliners chose, a rejection winning. */
  public String outcome(long activityId, String signOffId, int parties) {
    if (signatures.findBySignOffId(signOffId).size() == parties) {
      return "SIGNED";
    }
    boolean reject = declines(activityId, signOffId).stream()
        .anyMatch(entry -> DeclineFollowUp.REJECT.name().equals(entry.getFollowUp()));
    return reject ? "REJECTED" : DeclineFollowUp.BACK_TO_REVIEW.name();
  }

  private List<AuditEntry> declines(long activityId, String signOffId) {
    return registry.entriesOfStep(activityId, step(signOffId)).stream()
        .filter(entry -> entry.getAction() == AuditAction.DECLINED).toList();
  }

  static String step(String signOffId) {
    return "sign-off-" + signOffId;
  }
}
