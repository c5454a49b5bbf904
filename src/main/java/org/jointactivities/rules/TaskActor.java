package org.jointactivities.rules;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.stereotype.Component;

/** Works out who is acting on a task: the person who claims it, or who completes it. */
@Component
public class TaskActor {

  private final IdentityLookup identity;

  public TaskActor(IdentityLookup identity) {
    this.identity = identity;
  }

  /**
   * On assignment the new assignee; on completion the logged-in user, else the assignee. A
   * completion nobody can be named for is refused: a decision always has a person behind it.
   */
  public String of(DelegateTask task) {
    String actor = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : null;
    if (actor == null) {
      actor = identity.currentUserId();
    }
    if (actor == null) {
      actor = task.getAssignee();
    }
    if (actor == null) {
      throw new ActionRefusedException("'" + task.getName() + "' must be completed by a logged-in user");
    }
    return actor;
  }
}
