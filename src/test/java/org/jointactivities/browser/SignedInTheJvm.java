package org.jointactivities.browser;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;

/**
 * A running activity for the browser tests that start after signature: proposed, approved and
 * signed in the JVM as the demo users, dated by {@link ActivityDates} so that it is active at once
 * with its first quarter's report due. The job executor runs, so each step waits for its task.
 */
final class SignedInTheJvm {

  private SignedInTheJvm() {}

  static ProcessInstance runningActivity(Scenario scenario, TaskService tasks, RuntimeService runtime, String title) {
    Map<String, Object> form = Proposals.valid();
    form.put("title", title);
    form.put("plannedStartDate", ActivityDates.RUNNING_START.toString());
    form.put("plannedEndDate", ActivityDates.RUNNING_END.toString());
    ProcessInstance proposal = scenario.submit("unodc-officer", form);
    String reference = proposal.getBusinessKey();
    complete(scenario, tasks, reference, "unodc-reviewer", "Task_ReviewSubject", "UNODC", Map.of("reviewDecision", "APPROVE"));
    complete(scenario, tasks, reference, "iom-reviewer", "Task_ReviewSubject", "IOM", Map.of("reviewDecision", "APPROVE"));
    complete(scenario, tasks, reference, "unodc-signatory-pm", "Task_SignActivity", "UNODC", Map.of("signDecision", "SIGN", "signatureAttested", true));
    complete(scenario, tasks, reference, "iom-signatory-pm", "Task_SignActivity", "IOM", Map.of("signDecision", "SIGN", "signatureAttested", true));
    Await.task(tasks, reference, "Task_SubmitProgressReport", null);
    // the browser test that starts a proposal expects no other proposal's process to run
    Await.value(() -> Optional.of(runtime.createProcessInstanceQuery().processDefinitionKey("JointActivityProposal")
        .processInstanceBusinessKey(reference).count()).filter(n -> n == 0), "the signed proposal's process to end");
    return proposal;
  }

  /** Completes a task in the JVM as that person, once the job executor has created it. */
  static void complete(Scenario scenario, TaskService tasks, String reference, String user, String taskKey, String agency,
      Map<String, Object> values) {
    scenario.complete(user, Await.task(tasks, reference, taskKey, agency), values);
  }
}
