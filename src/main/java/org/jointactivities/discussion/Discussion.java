package org.jointactivities.discussion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityAccess;
import org.jointactivities.activity.ActivityVariables;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.PlainText;
import org.springframework.stereotype.Service;

/**
 * The discussion of an activity: the comments written on any of its tasks (Tasklist's Add Comment)
 * or on the activity itself, across all its processes (they share its reference as business key),
 * read by both parties wherever they work on it. Comments are the engine's own; each is shown with
 * who wrote it, for which agency, when, and on which task.
 */
@Service
public class Discussion {

  /** One comment as people read it. */
  public record Entry(String id, String author, String authorName, String agency, Instant writtenAt, String task,
      String taskId, String processInstanceId, String text) {}

  private final ActivityAccess access;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identityService;
  private final IdentityLookup identity;
  private final AgencyDirectory agencies;
  private final AsSystem asSystem;

  Discussion(ActivityAccess access, HistoryService history, TaskService tasks, IdentityService identityService,
      IdentityLookup identity, AgencyDirectory agencies, AsSystem asSystem) {
    this.access = access;
    this.history = history;
    this.tasks = tasks;
    this.identityService = identityService;
    this.identity = identity;
    this.agencies = agencies;
    this.asSystem = asSystem;
  }

  /** Every comment on the activity, oldest first; "not found" for whoever is not party to it. */
  public List<Entry> of(String reference, String userId) {
    access.readable(reference, userId);
    List<Entry> entries = new ArrayList<>();
    Readings readings = new Readings(); // each author and task looked up once, however many comments
    for (HistoricProcessInstance instance : instances(reference)) {
      for (Comment comment : asSystem.call(() -> tasks.getProcessInstanceComments(instance.getId()))) {
        entries.add(entry(comment, readings));
      }
    }
    entries.sort(Comparator.comparing(Entry::writtenAt));
    return entries;
  }

  /** The activity a task belongs to, if the user may read it. */
  public String referenceOfTask(String taskId, String userId) {
    HistoricTaskInstance task = asSystem.call(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
    String reference = task == null ? null : asSystem.call(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult()).getBusinessKey();
    if (reference == null) {
      throw new NoSuchElementException("No task " + taskId + " of a joint activity");
    }
    // e.g. an information request's: its tasks keep what they need in their forms
    if (asSystem.call(() -> history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName(ActivityVariables.ACTIVITY_ID).count()) == 0) {
      throw new NoSuchElementException("'" + task.getName() + "' of " + reference + " belongs to no joint activity: "
          + "documents and the discussion are a joint activity's");
    }
    access.readable(reference, userId);
    return reference;
  }

  /** Adds a comment to the activity, on the open task it was written in when there is one. */
  public Entry add(String reference, String taskId, String userId, Object text) {
    JointActivity activity = access.readable(reference, userId);
    String checked = PlainText.comment("Comment", "text", text, "is required: write something");
    Task task = taskId == null ? null : asSystem.call(() -> tasks.createTaskQuery().taskId(taskId)
        .processInstanceBusinessKey(activity.getReference()).singleResult());
    String instance = task != null ? task.getProcessInstanceId() : mainInstance(reference);
    // the engine records the comment's author from the authenticated user
    identityService.setAuthentication(userId, List.copyOf(identity.groupsOf(userId)));
    try {
      return entry(asSystem.call(() -> tasks.createComment(task == null ? null : task.getId(), instance, checked)),
          new Readings());
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String mainInstance(String reference) {
    return instances(reference).stream().filter(i -> i.getSuperProcessInstanceId() == null)
        .max(Comparator.comparing(HistoricProcessInstance::getStartTime)).map(HistoricProcessInstance::getId)
        .orElseThrow(() -> new NoSuchElementException("No process of " + reference));
  }

  private List<HistoricProcessInstance> instances(String reference) {
    return asSystem.call(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list());
  }

  /** Who wrote and in which task, as read for one answer. */
  private final class Readings {
    private final Map<String, String> taskNames = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> agencyCodes = new HashMap<>();

    String taskName(String taskId) {
      return taskId == null ? null : taskNames.computeIfAbsent(taskId, id -> asSystem.call(() -> {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(id).singleResult();
        return task == null ? null : task.getName();
      }));
    }

    String name(String userId) {
      return userId == null ? null : names.computeIfAbsent(userId, identity::nameOf);
    }

    String agency(String userId) {
      return userId == null ? null : agencyCodes.computeIfAbsent(userId, id ->
          agencies.ofGroups(identity.groupsOf(id)).stream().map(Agency::code).findFirst().orElse(null));
    }
  }

  private static Entry entry(Comment comment, Readings readings) {
    return new Entry(comment.getId(), comment.getUserId(), readings.name(comment.getUserId()),
        readings.agency(comment.getUserId()), comment.getTime().toInstant(), readings.taskName(comment.getTaskId()),
        comment.getTaskId(), comment.getProcessInstanceId(), comment.getFullMessage());
  }
}
