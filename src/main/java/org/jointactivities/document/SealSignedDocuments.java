package org.jointactivities.document;

import java.util.List;
import org.jointactivities.activity.ActivityStateChanged;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.amendment.Amendment;
import org.jointactivities.amendment.AmendmentRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When both agencies have signed a proposal or an amendment, the activity's documents as they are
 * then become part of that signed version: kept for good (never deleted). In the signing's
 * transaction.
 */
@Component
class SealSignedDocuments {

  private final Documents documents;
  private final AmendmentRepository amendments;

  SealSignedDocuments(Documents documents, AmendmentRepository amendments) {
    this.documents = documents;
    this.amendments = amendments;
  }

  @EventListener
  void on(ActivityStateChanged change) {
    long activityId = change.activity().getId();
    if (change.action() == AuditAction.ACTIVITY_SIGNED) {
      documents.seal(activityId, "proposal");
    } else if (change.action() == AuditAction.ACTIVITY_AMENDED) {
      List<Amendment> all = amendments.findByActivityIdOrderByNumberAsc(activityId);
      documents.seal(activityId, all.isEmpty() ? "amendment" : "amendment-" + all.get(all.size() - 1).getNumber());
    }
  }
}
