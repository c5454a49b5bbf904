package org.jointactivities.deadline;

import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.AuditAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reached by a task's overdue timer (the task stays open): records in the audit trail each
 * still-open task that is past its due date, with the agency it waits on, and announces it
 * (reminder and escalation e-mails follow). The model names the
 * task ({@code overdueTaskKey}) and the variable holding its agency ({@code overdueAgencyVariable}).
 */
@Component("recordOverdueTask")
public class RecordOverdueTask implements JavaDelegate {

  private final ActivityRegistry registry;
  private final ApplicationEventPublisher events;

  public RecordOverdueTask(ActivityRegistry registry, ApplicationEventPublisher events) {
    this.registry = registry;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = (String) execution.getVariable("overdueTaskKey");
    String agencyVariable = (String) execution.getVariable("overdueAgencyVariable");
    // inside a per-agency scope (sign-off) only that agency's task is meant; at a multi-instance
    // boundary (review) the agency is not in scope and every open task of the step is overdue
    Object scopeAgency = execution.getVariable(agencyVariable);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Date now = ClockUtil.getCurrentTime();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey).list()) {
      Object agency = tasks.getVariable(task.getId(), agencyVariable);
      // several reports may be open at once: only those past their own due date are overdue
      boolean due = task.getDueDate() != null && !task.getDueDate().after(now);
      if (due && (scopeAgency == null || Objects.equals(scopeAgency, agency))) {
        registry.record(ActivityVariables.activityId(execution), task.getAssignee(), (String) agency,
            AuditAction.TASK_OVERDUE, null, null, "'" + task.getName() + "' was due " + task.getDueDate().toInstant());
        events.publishEvent(new TaskOverdue(task.getId(), (String) agency));
      }
    }
  }
}
