package org.jointactivities.notification;

import java.util.ArrayList;
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
import org.jointactivities.identity.IdentityLookup;
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
   * Changes the process makes after people's decisions, which the registry records without them:
   * the mail names who decided and why from the decisions' audit entries since the step was opened.
   */
  private static final Map<AuditAction, Set<AuditAction>> DECIDED_BY = Map.of(
      AuditAction.PROPOSAL_REJECTED, EnumSet.of(AuditAction.REJECTED, AuditAction.DECLINED),
      AuditAction.REVIEW_ROUND_OPENED, EnumSet.of(AuditAction.DECLINED),
      AuditAction.RETURNED_FOR_CHANGES, EnumSet.of(AuditAction.CHANGES_REQUESTED),
      AuditAction.ACTIVITY_SIGNED, EnumSet.of(AuditAction.SIGNED),
      AuditAction.ACTIVITY_AMENDED, EnumSet.of(AuditAction.SIGNED));
  /** Where a round of decisions begins: earlier decisions belong to an earlier round. */
  private static final Set<AuditAction> ROUND_OPENED = EnumSet.of(AuditAction.SUBMITTED, AuditAction.REVISED,
      AuditAction.REVIEW_ROUND_OPENED, AuditAction.SIGNATURE_REQUESTED, AuditAction.AMENDMENT_REQUESTED,
      AuditAction.AMENDMENT_SIGNATURE_REQUESTED);

  /** One person's part in a change, as the templates read it: who, for which agency, what they wrote. */
  private static Map<String, String> decision(String who, String agency, String comment) {
    Map<String, String> decision = new LinkedHashMap<>();
    decision.put("who", who);
    decision.put("agency", agency);
    decision.put("comment", comment);
    return decision;
  }

  private final NotificationOutbox outbox;
  private final Recipients recipients;
  private final NotificationProperties properties;
  private final AgencyDirectory agencies;
  private final ActivityRegistry registry;
  private final IdentityLookup identity;

  ActivityNotifications(NotificationOutbox outbox, Recipients recipients, NotificationProperties properties,
      AgencyDirectory agencies, ActivityRegistry registry, IdentityLookup identity) {
    this.identity = identity;
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
    List<Map<String, String>> decisions = change.actor() == null ? decisionsBehind(change)
        : List.of(decision(identity.nameOf(change.actor()), null, change.comment()));
    model.put("decisions", decisions);
    // the proposer hears of their proposal as the focal points do, from its submission on
    outbox.enqueue(NotificationKind.STATE_CHANGED, recipients.of(
            List.of(activity.getProposer(), activity.getLeadFocalPoint(), activity.getPartnerFocalPoint()), List.of()),
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

  private List<Map<String, String>> decisionsBehind(ActivityStateChanged change) {
    Set<AuditAction> decisions = DECIDED_BY.get(change.action());
    if (decisions == null) {
      return List.of();
    }
    List<AuditEntry> trail = registry.auditTrail(change.activity().getId());
    List<Map<String, String>> found = new ArrayList<>();
    int last = trail.size() - 1;
    while (last >= 0 && trail.get(last).getAction() == change.action()) {
      last--; // the change itself, when the registry has recorded it already
    }
    for (int i = last; i >= 0 && !ROUND_OPENED.contains(trail.get(i).getAction()); i--) {
      AuditEntry entry = trail.get(i);
      if (decisions.contains(entry.getAction())) {
        found.add(0, decision(identity.nameOf(entry.getActor()), entry.getAgency(), entry.getComment()));
      }
    }
    return found;
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
