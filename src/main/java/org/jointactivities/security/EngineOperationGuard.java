package org.jointactivities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.PlainText;

/**
 * Engine operations that would move an activity's processes past their rules without a trace —
 * cancelling or deleting instances, moving them to another activity, migrating, restarting,
 * suspending them behind the managers' back, moving a deadline's timer — are shut on the engine's
 * API, for administrators too: withdrawal, termination, suspension and amendments are the
 * application's own, recorded ways (the signature re-checks in the models stay as a second line).
 * And a job runs on request only for whom the engine would let run it, checked before the engine
 * starts: a refused execution then leaves the job as it was (the engine would count the refusal as
 * a failure, pulling an overdue timer forward and losing its alert).
 */
class EngineOperationGuard extends EngineWriteFilter {

  private record Shut(String method, Pattern path, String what) {}

  private static final List<Shut> SHUT = List.of(
      new Shut("POST", Pattern.compile("/process-instance/[^/]+/modification(-async)?"), "Modifying a process instance"),
      new Shut("POST", Pattern.compile("/modification/execute(Async)?"), "Modifying process instances"),
      new Shut("DELETE", Pattern.compile("/process-instance/[^/]+"), "Deleting a process instance"),
      new Shut("POST", Pattern.compile("/process-instance/delete(-historic-query-based)?"), "Deleting process instances"),
      new Shut("POST", Pattern.compile("/migration/execute(Async)?"), "Migrating process instances"),
      new Shut("POST", Pattern.compile("/process-definition/[^/]+/restart(-async)?"), "Restarting process instances"),
      new Shut("PUT", Pattern.compile("(/.+)?/suspended"), "Suspending or activating processes or jobs"),
      new Shut("POST", Pattern.compile("(/.+)?/suspended-async"), "Suspending or activating processes"),
      new Shut("PUT", Pattern.compile("/job/[^/]+/duedate"), "Moving a job's due date"),
      new Shut("POST", Pattern.compile("/job/[^/]+/duedate/recalculate"), "Moving a job's due date"));
  private static final Pattern EXECUTE_JOB = Pattern.compile("/job/([^/]+)/execute");
  private static final Pattern CASCADE = Pattern.compile("(^|&)cascade=true(&|$)");
  private static final Pattern DEFINITION_OR_DEPLOYMENT = Pattern.compile("/(deployment|process-definition)(/key)?/[^/]+");

  private final IdentityLookup identity;
  private final ManagementService management;
  private final AuthorizationService authorizations;
  private final AsSystem asSystem;

  EngineOperationGuard(CallerOf callers, IdentityLookup identity, ManagementService management,
      AuthorizationService authorizations, AsSystem asSystem) {
    super(callers);
    this.identity = identity;
    this.management = management;
    this.authorizations = authorizations;
    this.asSystem = asSystem;
  }

  @Override
  void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller,
      EnginePath engine) throws ServletException, IOException {
    for (Shut shut : SHUT) {
      if (engine.is(shut.method(), shut.path())) {
        refuse(request, response, caller, shut.what() + " is switched off on this application's engine API: "
            + "activities change only by their own steps (withdrawal, termination, suspension and resumption by a "
            + "manager, amendments), each recorded with who and why");
        return;
      }
    }
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    if (engine.is("DELETE", DEFINITION_OR_DEPLOYMENT) && CASCADE.matcher(query).find()) {
      refuse(request, response, caller, "Deleting models with their process instances (cascade) is switched off on "
          + "this application's engine API: running activities would vanish without a record");
      return;
    }
    Matcher execute = EXECUTE_JOB.matcher(engine.path());
    if ("POST".equals(engine.method()) && execute.matches() && !mayRun(caller, execute.group(1))) {
      refuse(request, response, caller, "The user with id '" + caller + "' may not run job " + execute.group(1)
          + ": that needs UPDATE on its process instance or UPDATE_INSTANCE on its process definition");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The engine's own rule for running a job by hand; an unknown job goes on to the engine's 404. */
  private boolean mayRun(String caller, String jobId) {
    Job job = asSystem.call(() -> management.createJobQuery().jobId(jobId).singleResult());
    if (job == null) {
      return true;
    }
    List<String> groups = new ArrayList<>(identity.groupsOf(caller));
    return asSystem.call(() -> {
      if (job.getProcessInstanceId() == null) {
        return authorizations.isUserAuthorized(caller, groups, Permissions.UPDATE, Resources.PROCESS_DEFINITION,
            job.getProcessDefinitionKey());
      }
      return authorizations.isUserAuthorized(caller, groups, Permissions.UPDATE, Resources.PROCESS_INSTANCE,
          job.getProcessInstanceId())
          || authorizations.isUserAuthorized(caller, groups, ProcessDefinitionPermissions.UPDATE_INSTANCE,
              Resources.PROCESS_DEFINITION, job.getProcessDefinitionKey());
    });
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String caller, String message)
      throws IOException {
    SecurityAudit.AUDIT.warn("Refused: {} {} {}: {}", PlainText.forLog(caller), request.getMethod(),
        PlainText.forLog(request.getRequestURI()), message);
    RefusalResponse.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", message);
  }
}
