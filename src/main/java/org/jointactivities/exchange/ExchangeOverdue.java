package org.jointactivities.exchange;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.deadline.TaskOverdue;
import org.jointactivities.identity.AsSystem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes an overdue task of an information exchange into the request's audit trail (the mails follow from TaskOverdue). */
@Component
class ExchangeOverdue {

  private final InformationRequests requests;
  private final TaskService tasks;
  private final AsSystem asSystem;

  ExchangeOverdue(InformationRequests requests, TaskService tasks, AsSystem asSystem) {
    this.requests = requests;
    this.tasks = tasks;
    this.asSystem = asSystem;
  }

  @EventListener
  void overdue(TaskOverdue overdue) {
    asSystem.run(() -> {
      Task task = tasks.createTaskQuery().taskId(overdue.taskId()).singleResult();
      Object requestId = task == null ? null : tasks.getVariable(task.getId(), ExchangeTasks.REQUEST_ID);
      if (requestId instanceof Number id) {
        InformationRequest request = requests.get(id.longValue());
        requests.record(request, task.getAssignee(), overdue.agency(), ExchangeAction.TASK_OVERDUE,
            "'" + task.getName() + "' was due " + task.getDueDate().toInstant());
      }
    });
  }
}
