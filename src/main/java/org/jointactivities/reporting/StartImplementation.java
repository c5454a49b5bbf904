package org.jointactivities.reporting;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.rules.ActionRefusedException;
import org.springframework.stereotype.Component;

/**
 * The proposal's end event "Activity signed" sends the message that starts the activity's
 * implementation, under the same business key. From then on the registry points at the
 * implementation's process instance.
 */
@Component("startImplementation")
public class StartImplementation implements JavaDelegate {

  static final String MESSAGE = "ActivitySigned";

  private final ActivityRegistry registry;
  private final ActivityVariables variables;
  private final RuntimeService runtime;
  private final AsSystem asSystem;

  public StartImplementation(ActivityRegistry registry, ActivityVariables variables, RuntimeService runtime,
      AsSystem asSystem) {
    this.registry = registry;
    this.variables = variables;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    JointActivity activity = registry.get(ActivityVariables.activityId(execution));
    // RecordSignedActivity checked the signatures; an administrator may move a proposal past it
    if (activity.getState() != ActivityState.SIGNED) {
      throw new ActionRefusedException(activity.getReference() + " is " + activity.getState()
          + ", not SIGNED: its implementation cannot start");
    }
    start(activity);
  }

  void start(JointActivity activity) {
    Map<String, Object> start = variables.of(activity);
    start.put("state", activity.getState().name());
    ProcessInstance implementation = asSystem.call(() -> runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(activity.getReference())
        .setVariables(start)
        .correlateStartMessage());
    registry.attachProcess(activity.getId(), implementation.getId());
  }
}
