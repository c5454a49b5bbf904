package org.jointactivities.deadline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.task.TaskCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every user task's timeout listener ({@code ${taskOverdueAlert}}, its timer at the task's due date):
 * the task stays open, its activity's audit trail records it as overdue with the agency it waits on (the
 * task's {@code agencyVariable}, TaskCatalog), and the announcement brings the reminder and the
 * managers' alert (an information exchange records it on TaskOverdue itself). A timer that runs before the task is due (the due date moved later) records
 * nothing.
 */
@Component("taskOverdueAlert")
public class TaskOverdueAlert implements TaskListener {

  private final ActivityRegistry registry;
  private final TaskCatalog catalog;
  private final ApplicationEventPublisher events;

  public TaskOverdueAlert(ActivityRegistry registry, TaskCatalog catalog, ApplicationEventPublisher events) {
    this.registry = registry;
    this.catalog = catalog;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    Date due = task.getDueDate();
    if (due == null || due.after(ClockUtil.getCurrentTime())) {
      return;
    }
    String agencyVariable = catalog.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        TaskCatalog.AGENCY_VARIABLE);
    String agency = agencyVariable == null ? null : (String) task.getVariable(agencyVariable);
    if (task.getVariable(ActivityVariables.ACTIVITY_ID) != null) {
      registry.record(ActivityVariables.activityId(task), task.getAssignee(), agency, AuditAction.TASK_OVERDUE, null, null,
          "'" + task.getName() + "' was due " + due.toInstant());
    }
    events.publishEvent(new TaskOverdue(task.getId(), agency));
  }
}
