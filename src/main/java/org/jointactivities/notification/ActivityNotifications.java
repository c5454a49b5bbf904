package org.jointactivities.notification;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityStateChanged;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.proposal.RevisionLoopAlert;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about activities: both agencies' focal points hear of every change of state that
 * matters to them; managers of both agencies hear when a proposal goes round the revision loop
 * a third time.
 */
@Component
class ActivityNotifications {

  /** The changes focal points are told about: every change of state (PRODUCT.md, "Notifications"). */
  static final Set<AuditAction> ANNOUNCED = EnumSet.of(AuditAction.SUBMITTED, AuditAction.RETURNED_FOR_CHANGES,
      AuditAction.REVISED, AuditAction.SIGNATURE_REQUESTED, AuditAction.REVIEW_ROUND_OPENED,
      AuditAction.PROPOSAL_REJECTED, AuditAction.WITHDRAWN, AuditAction.ACTIVITY_SIGNED, AuditAction.ACTIVATED,
      AuditAction.ACTIVITY_AMENDED, AuditAction.SUSPENDED, AuditAction.RESUMED, AuditAction.FINAL_REPORT_DUE,
      AuditAction.TERMINATED, AuditAction.CLOSED);

  /**
   * Changes the process makes after a person's decision, which the registry records without that
   * person: the mail names who decided and why from the decision's audit entry.
   */
  private static final Map<AuditAction, Set<AuditAction>> DECIDED_BY = Map.of(
      AuditAction.PROPOSAL_REJECTED, EnumSet.of(AuditAction.REJECTED, AuditAction.DECLINED),
      AuditAction.REVIEW_ROUND_OPENED, EnumSet.of(AuditAction.DECLINED));

  private final NotificationOutbox outbox;
  private final Recipients recipients;
  private final NotificationProperties properties;
  private final AgencyDirectory agencies;
  private final ActivityRegistry registry;

  ActivityNotifications(NotificationOutbox outbox, Recipients recipients, NotificationProperties properties,
      AgencyDirectory agencies, ActivityRegistry registry) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.properties = properties;
    this.agencies = agencies;
    this.registry = registry;
  }

  @EventListener
  void stateChanged(ActivityStateChanged change) {
    if (!ANNOUNCED.contains(change.action())) {
      return;
    }
    JointActivity activity = change.activity();
    Map<String, Object> model = model(activity);
    String stateLabel = outbox.templates().message("state." + activity.getState().name());
    // an amendment changes the terms, not the state: "is now amended and active"
    model.put("stateLabel", change.action() == AuditAction.ACTIVITY_AMENDED
        ? outbox.templates().message("state.AMENDED", stateLabel) : stateLabel);
    model.put("change", outbox.templates().message("change." + change.action().name()));
    AuditEntry decision = change.actor() == null ? decisionBehind(change) : null;
    model.put("actor", decision != null ? decision.getActor() : change.actor());
    model.put("comment", decision != null ? decision.getComment() : change.comment());
    outbox.enqueue(NotificationKind.STATE_CHANGED,
        recipients.of(List.of(activity.getLeadFocalPoint(), activity.getPartnerFocalPoint()), List.of()),
        activity.getReference(), null, model);
  }

  @EventListener
  void revisionLoop(RevisionLoopAlert alert) {
    JointActivity activity = alert.activity();
    Map<String, Object> model = model(activity);
    model.put("round", alert.revisionRound());
    outbox.enqueue(NotificationKind.MANAGERS_ALERTED, recipients.of(List.of(), List.of(
            agencies.groupId(activity.getLeadAgency(), Role.MANAGER),
            agencies.groupId(activity.getPartnerAgency(), Role.MANAGER))),
        activity.getReference(), "revision-alert:" + activity.getReference() + ":" + alert.revisionRound(), model);
  }

  private AuditEntry decisionBehind(ActivityStateChanged change) {
    Set<AuditAction> decisions = DECIDED_BY.get(change.action());
    if (decisions == null) {
      return null;
    }
    List<AuditEntry> trail = registry.auditTrail(change.activity().getId());
    for (int i = trail.size() - 1; i >= 0; i--) {
      if (decisions.contains(trail.get(i).getAction())) {
        return trail.get(i);
      }
    }
    return null;
  }

  private Map<String, Object> model(JointActivity activity) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", activity.getReference());
    model.put("title", activity.getTitle());
    model.put("lead", agencies.get(activity.getLeadAgency()).name() + " (" + activity.getLeadAgency() + ")");
    model.put("partner", agencies.get(activity.getPartnerAgency()).name() + " (" + activity.getPartnerAgency() + ")");
    model.put("link", properties.tasklistUrl());
    return model;
  }
}
