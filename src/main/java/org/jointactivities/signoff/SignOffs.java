package org.jointactivities.signoff;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.rules.ActionRefusedException;
import org.springframework.stereotype.Component;

/**
 * The state of one sign-off (one run of the DualAgencySignOff process, identified by its process
 * instance id), read from the signatures and the audit trail. The model's completion condition
 * {@code ${signOffs.anyDeclined(activityId, execution.processInstanceId)}} ends it at the first decline.
 */
@Component("signOffs")
public class SignOffs {

  static final String PROCESS = "DualAgencySignOff";

  private final ActivityRegistry registry;
  private final SignatureRepository signatures;
  private final HistoryService history;
  private final AsSystem asSystem;

  public SignOffs(ActivityRegistry registry, SignatureRepository signatures, HistoryService history, AsSystem asSystem) {
    this.registry = registry;
    this.signatures = signatures;
    this.history = history;
    this.asSystem = asSystem;
  }

  /**
   * Refuses what {@code caller} is about to do ({@code refused}, e.g. "not recorded as signed")
   * unless a sign-off it called holds the signatures of both the activity's agencies. The model
   * gets there only after such a sign-off, but an administrator can move a process instance past
   * it (process instance modification), and four-eyes must hold even then.
   */
  public void requireBothSignatures(DelegateExecution caller, String refused) {
    JointActivity activity = registry.get(ActivityVariables.activityId(caller));
    List<String> signOffIds = asSystem.call(() -> history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(caller.getProcessInstanceId()).processDefinitionKey(PROCESS).list())
        .stream().map(HistoricProcessInstance::getId).toList();
    boolean signed = signOffIds.stream().anyMatch(signOffId -> signatures.findBySignOffId(signOffId).stream()
        .map(Signature::getAgency).collect(Collectors.toSet()).containsAll(activity.agencies()));
    if (!signed) {
      throw new ActionRefusedException(activity.getReference() + ": " + refused + " without the signatures of both "
          + String.join(" and ", activity.agencies()) + " in one sign-off");
    }
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
