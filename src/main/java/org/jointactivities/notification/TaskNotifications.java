package org.jointactivities.notification;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.deadline.DeadlineProperties;
import org.jointactivities.deadline.TaskOverdue;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.task.TaskCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mails about tasks: to whoever may work on a new task (its assignee, else every candidate),
 * a reminder before it is due, and when it is overdue a reminder to them and an alert to the
 * managers of the agency it waits on.
 */
@Component
class TaskNotifications {

  private final NotificationOutbox outbox;
  private final Recipients recipients;
  private final NotificationProperties properties;
  private final AgencyDirectory agencies;
  private final DeadlineProperties deadlines;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final TaskCatalog catalog;
  private final IdentityLookup identity;

  TaskNotifications(NotificationOutbox outbox, Recipients recipients, NotificationProperties properties,
      AgencyDirectory agencies, DeadlineProperties deadlines, TaskService tasks, RuntimeService runtime, AsSystem asSystem,
      TaskCatalog catalog, IdentityLookup identity) {
    this.identity = identity;
    this.catalog = catalog;
    this.outbox = outbox;
    this.recipients = recipients;
    this.properties = properties;
    this.agencies = agencies;
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  /** Camunda publishes every task event to Spring (camunda.bpm.eventing.task); this runs in the creating transaction. */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  void taskCreated(DelegateTask task) {
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
    } else {
      for (IdentityLink candidate : task.getCandidates()) {
        if (candidate.getUserId() != null) {
          users.add(candidate.getUserId());
        }
        if (candidate.getGroupId() != null) {
          groups.add(candidate.getGroupId());
        }
      }
    }
    TaskFacts facts = TaskFacts.of(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getDueDate(),
        task.getExecution().getProcessBusinessKey(), agencyVariable(task.getProcessDefinitionId(), task.getTaskDefinitionKey()),
        task::getVariable);
    outbox.enqueue(NotificationKind.TASK_CREATED, recipients.of(users, groups), facts.reference(), null, model(facts));
  }

  @EventListener
  void taskOverdue(TaskOverdue overdue) {
    Task task = asSystem.call(() -> tasks.createTaskQuery().taskId(overdue.taskId()).singleResult());
    if (task == null) {
      return;
    }
    TaskFacts facts = facts(task);
    String when = String.valueOf(task.getDueDate().getTime());
    outbox.enqueue(NotificationKind.TASK_OVERDUE, holders(task), facts.reference(),
        "overdue:" + task.getId() + ":" + when, model(facts));
    if (overdue.agency() != null) {
      Map<String, Object> model = model(facts);
      model.put("holder", task.getAssignee() != null ? task.getAssignee() : String.join(", ", candidateGroups(task)));
      outbox.enqueue(NotificationKind.OVERDUE_ESCALATION,
          recipients.of(List.of(), List.of(agencies.groupId(overdue.agency(), Role.MANAGER))), facts.reference(),
          "escalation:" + task.getId() + ":" + when, model);
    }
  }

  /** Reminds the holders of tasks that fall due within the configured time, once per task and due date. */
  @Scheduled(fixedDelayString = "${joint-activities.notifications.reminder-scan-interval:PT5M}",
      initialDelayString = "${joint-activities.notifications.reminder-scan-interval:PT5M}")
  public void remindTasksDueSoon() {
    Date now = ClockUtil.getCurrentTime();
    Date horizon = Date.from(now.toInstant().plus(properties.reminderBeforeDue()));
    List<Task> dueSoon = asSystem.call(() -> tasks.createTaskQuery().active().dueAfter(now).dueBefore(horizon).list());
    for (Task task : dueSoon) {
      asSystem.run(() -> {
        TaskFacts facts = facts(task);
        outbox.enqueue(NotificationKind.TASK_REMINDER, holders(task), facts.reference(),
            "reminder:" + task.getId() + ":" + task.getDueDate().getTime(), model(facts));
      });
    }
  }

  private TaskFacts facts(Task task) {
    String reference = asSystem.call(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    return TaskFacts.of(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getDueDate(), reference,
        agencyVariable(task.getProcessDefinitionId(), task.getTaskDefinitionKey()),
        name -> asSystem.call(() -> tasks.getVariable(task.getId(), name)));
  }

  private String agencyVariable(String processDefinitionId, String taskKey) {
    return asSystem.call(() -> catalog.property(processDefinitionId, taskKey, TaskCatalog.AGENCY_VARIABLE));
  }

  private List<String> holders(Task task) {
    if (task.getAssignee() != null) {
      return recipients.of(List.of(task.getAssignee()), List.of());
    }
    List<String> users = new ArrayList<>();
    for (IdentityLink link : asSystem.call(() -> tasks.getIdentityLinksForTask(task.getId()))) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        users.add(link.getUserId());
      }
    }
    return recipients.of(users, candidateGroups(task));
  }

  private List<String> candidateGroups(Task task) {
    return identity.candidateGroupsOf(task.getId());
  }

  private Map<String, Object> model(TaskFacts facts) {
    return facts.model(outbox.templates(), properties, agencies, deadlines.zone());
  }
}
