package org.jointactivities.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.activity.JointActivity;

/**
 * What Tasklist's lists show under a task (the filters' Reference and Title columns): kept on the
 * task itself, because a reviewer or signatory may read their task but not the process it belongs
 * to, whose variables the lists therefore leave out. Two values, where the form reads the rest.
 */
public final class ListedWith {

  private ListedWith() {}

  public static void reference(DelegateTask task, JointActivity activity) {
    task.setVariableLocal("reference", activity.getReference());
    task.setVariableLocal("title", activity.getTitle());
  }
}
