package org.jointactivities.signoff;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityFormValues;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.SignatoryLevel;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FourEyesGuard;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.rules.PlainText;
import org.jointactivities.task.ListedWith;
import org.jointactivities.task.TaskRules;
import org.springframework.stereotype.Component;

/**
 * The rules of "Sign joint activity", one per agency: only that agency's signatories at the
 * required level or above, who did not write the proposal and have not signed it for the other
 * agency, may claim or complete it. A signature is stored (the database refuses a second one per agency or person);
 * a decline needs a reason and the decliner's choice of what follows.
 */
@Component
class SignatureRules implements TaskRules {

  private final ActivityRegistry registry;
  private final AgencyDirectory agencies;
  private final IdentityLookup identity;
  private final FourEyesGuard guard;
  private final SignatureRepository signatures;

  SignatureRules(ActivityRegistry registry, AgencyDirectory agencies, IdentityLookup identity, FourEyesGuard guard,
      SignatureRepository signatures) {
    this.registry = registry;
    this.agencies = agencies;
    this.identity = identity;
    this.guard = guard;
    this.signatures = signatures;
  }

  @Override
  public String name() {
    return "signature";
  }

  @Override
  public void created(DelegateTask task) {
    // the form shows the activity as it is when read: it cannot change while it is being signed
    ListedWith.reference(task, activity(task));
  }

  @Override
  public Map<String, Object> shown(DelegateTask task) {
    JointActivity activity = activity(task);
    Map<String, Object> shown = new LinkedHashMap<>(ActivityFormValues.of(activity));
    shown.put("requiredLevelName", required(task).label());
    Object subject = task.getVariable("signOffSubject");
    shown.put("signOffSubject", subject != null ? subject
        : "The joint activity as proposed below, approved by both agencies' reviewers.");
    shown.put("signedVersion", signedVersion(task, activity));
    return shown;
  }

  /** What is signed: the version the sign-off was called for (an amendment names it), else the proposal's. */
  private static Object signedVersion(DelegateTask task, JointActivity activity) {
    Object version = task.getVariable("signedVersion");
    return version != null ? version : versionOf(activity);
  }

  /** What a signature of the proposal attests to: its version after so many revisions. */
  private static String versionOf(JointActivity activity) {
    return "proposal version " + (activity.getRevisionRound() + 1);
  }

  @Override
  public void checkMayAct(DelegateTask task, String signatory) {
    checkMaySign(activity(task), signatory, agency(task), required(task), task.getProcessInstanceId());
  }

  @Override
  public void completed(DelegateTask task, String signatory) {
    JointActivity activity = activity(task);
    Agency agency = agency(task);
    String signOffId = task.getProcessInstanceId();
    SignatoryLevel level = levelOf(signatory, agency, required(task)); // may act: checked just before
    String step = SignOffs.step(signOffId);
    switch (decisionOf(task)) {
      case SIGN -> {
        checkAttested(task);
        signatures.saveAndFlush(new Signature(activity.getId(), signOffId, agency.code(), signatory, level,
            ClockUtil.getCurrentTime().toInstant()));
        registry.record(activity.getId(), signatory, agency.code(), AuditAction.SIGNED, step, null,
            "Signed " + signedVersion(task, activity) + " for " + agency.code() + " as " + level.label());
      }
      case DECLINE -> {
        String reason = reasonOf(task);
        DeclineFollowUp followUp = followUpOf(task);
        registry.record(activity.getId(), signatory, agency.code(), AuditAction.DECLINED, step, followUp.name(), reason);
      }
    }
  }

  private JointActivity activity(DelegateTask task) {
    return registry.get(ActivityVariables.activityId(task));
  }

  private Agency agency(DelegateTask task) {
    return agencies.get((String) task.getVariable("signingAgency"));
  }

  private static SignatoryLevel required(DelegateTask task) {
    return SignatoryLevel.valueOf((String) task.getVariable("requiredLevel"));
  }

  private void checkMaySign(JointActivity activity, String signatory, Agency agency, SignatoryLevel required,
      String signOffId) {
    List<String> eligible = required.andAbove().stream().map(level -> level.groupId(agency)).toList();
    guard.checkActsFor(signatory, agency.code(), eligible, "sign " + activity.getReference());
    guard.checkNotAuthor(activity, signatory, "sign");
    signatures.findBySignOffId(signOffId).stream()
        .filter(signature -> signature.getSigner().equals(signatory))
        .findFirst()
        .ifPresent(signature -> {
          throw new ActionRefusedException("Four-eyes rule: " + signatory + " already signed " + activity.getReference()
              + " for " + signature.getAgency() + "; the other signature must come from another person");
        });
  }

  /** The signatory's highest level that qualifies. */
  private SignatoryLevel levelOf(String signatory, Agency agency, SignatoryLevel required) {
    Set<String> groups = identity.groupsOf(signatory);
    return required.andAbove().stream().filter(level -> groups.contains(level.groupId(agency)))
        .max(Comparator.naturalOrder()).orElseThrow();
  }

  private static SignOffDecision decisionOf(DelegateTask task) {
    Object value = task.getVariable("signDecision");
    try {
      return SignOffDecision.valueOf(String.valueOf(value).strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Sign-off", "signDecision", "is required: SIGN or DECLINE");
    }
  }

  /** A signature is an act: the signatory confirms the form's statement of what they sign, for whom, at which level. */
  private static void checkAttested(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable("signatureAttested"))) {
      throw new InvalidInputException("Sign-off", "signatureAttested",
          "must be confirmed to sign: tick the statement of what you sign, for which agency and at which level");
    }
  }

  private static String reasonOf(DelegateTask task) {
    return PlainText.comment("Sign-off", "declineReason", task.getVariable("declineReason"),
        "is required when declining: give the reason");
  }

  private static DeclineFollowUp followUpOf(DelegateTask task) {
    Object value = task.getVariable("declineFollowUp");
    try {
      return DeclineFollowUp.valueOf(String.valueOf(value).strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Sign-off", "declineFollowUp",
          "is required when declining: BACK_TO_REVIEW or REJECT");
    }
  }
}
