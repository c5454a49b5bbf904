package org.jointactivities.intervention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityAccess;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.deadline.DueDates;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.reporting.ProgressReports;
import org.jointactivities.reporting.ReportingSchedule;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.PlainText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager of either agency suspends, resumes or terminates an activity (PRODUCT.md §4).
 * Suspension suspends the implementation's process instance and the joint reviews it called, so no
 * report falls due, no task can be completed and no overdue timer fires; Cockpit shows it suspended. Resumption moves every open
 * deadline later by the whole days the suspension lasted. Termination ends the implementation
 * through its "Activity terminated" event, which cancels open tasks.
 */
@Service
@Transactional
public class Interventions {

  static final String TERMINATION_MESSAGE = "ActivityTerminated";
  private static final Set<ActivityState> TERMINABLE = EnumSet.of(ActivityState.SIGNED, ActivityState.ACTIVE,
      ActivityState.SUSPENDED, ActivityState.FINAL_REPORTING);
  /** Reports are owed in both; final reporting can last months while earlier reports are outstanding. */
  private static final Set<ActivityState> SUSPENDABLE = EnumSet.of(ActivityState.ACTIVE, ActivityState.FINAL_REPORTING);

  private final ActivityRegistry registry;
  private final ActivityAccess access;
  private final AgencyDirectory agencies;
  private final IdentityLookup identity;
  private final ProgressReports reports;
  private final ReportingSchedule schedule;
  private final DueDates dueDates;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final AsSystem asSystem;

  public Interventions(ActivityRegistry registry, ActivityAccess access, AgencyDirectory agencies,
      IdentityLookup identity, ProgressReports reports, ReportingSchedule schedule, DueDates dueDates,
      RuntimeService runtime, TaskService tasks, ManagementService management, AsSystem asSystem) {
    this.registry = registry;
    this.access = access;
    this.agencies = agencies;
    this.identity = identity;
    this.reports = reports;
    this.schedule = schedule;
    this.dueDates = dueDates;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.asSystem = asSystem;
  }

  public JointActivity suspend(String reference, String manager, String reason) {
    JointActivity activity = access.readable(reference, manager);
    String agency = managedAgency(activity, manager, "suspend");
    String why = reasonOf(reason, true);
    requireState(activity, SUSPENDABLE, "suspended");
    registry.transition(activity.getId(), ActivityState.SUSPENDED, manager, agency, AuditAction.SUSPENDED, null, why);
    asSystem.run(() -> withCalled(activity.getProcessInstanceId()).forEach(instance ->
        runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(instance).suspend()));
    return registry.get(activity.getId());
  }

  public JointActivity resume(String reference, String manager, String comment) {
    JointActivity activity = access.readable(reference, manager);
    String agency = managedAgency(activity, manager, "resume");
    String note = reasonOf(comment, false);
    requireState(activity, EnumSet.of(ActivityState.SUSPENDED), "resumed");
    long pause = wholeDays(activity.getSuspendedAt(), ClockUtil.getCurrentTime().toInstant());
    // back to where it was: the final report is owed once its period ended, before or during the suspension
    ActivityState resumed = reports.finalReportOpened(activity.getId()) ? ActivityState.FINAL_REPORTING : ActivityState.ACTIVE;
    registry.transition(activity.getId(), resumed, manager, agency, AuditAction.RESUMED, null,
        note.isEmpty() ? "Deadlines moved " + pause + " day(s) later" : note);
    String instance = activity.getProcessInstanceId();
    // activation is a bulk update written when its command ends: a command of its own first
    List<String> instances = asSystem.call(() -> withCalled(instance));
    instances.forEach(each -> asSystem.run(() -> runtime.updateProcessInstanceSuspensionState()
        .byProcessInstanceId(each).activate()));
    asSystem.run(() -> instances.forEach(each -> postponeDeadlines(each, pause)));
    reports.postpone(activity.getId(), pause);
    return registry.get(activity.getId());
  }

  public JointActivity terminate(String reference, String manager, String reason) {
    JointActivity activity = access.readable(reference, manager);
    String agency = managedAgency(activity, manager, "terminate");
    String why = reasonOf(reason, true);
    if (!TERMINABLE.contains(activity.getState())) {
      throw new IllegalStateException(reference + " is " + activity.getState() + " and cannot be terminated");
    }
    String instance = activity.getProcessInstanceId();
    if (activity.getState() == ActivityState.SUSPENDED) {
      asSystem.call(() -> withCalled(instance)).forEach(each -> asSystem.run(() -> runtime
          .updateProcessInstanceSuspensionState().byProcessInstanceId(each).activate()));
    }
    asSystem.run(() -> runtime.createMessageCorrelation(TERMINATION_MESSAGE)
        .processInstanceId(instance)
        .setVariable("terminatedBy", manager)
        .setVariable("terminatedFor", agency)
        .setVariable("terminationReason", why)
        .correlateWithResult());
    return registry.get(activity.getId());
  }

  /** The implementation and the processes it called and that still run (its reports' joint reviews). */
  private List<String> withCalled(String instance) {
    List<String> instances = new ArrayList<>(List.of(instance));
    for (int i = 0; i < instances.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(instances.get(i)).list()
          .forEach(called -> instances.add(called.getId()));
    }
    return instances;
  }

  /** Open tasks and their overdue timers; the calendar of reporting periods itself does not move. */
  private void postponeDeadlines(String instance, long pause) {
    for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
      if (task.getDueDate() != null) {
        task.setDueDate(dueDates.later(task.getDueDate(), pause));
        tasks.saveTask(task);
      }
    }
    Set<String> calendar = Set.of(ReportingSchedule.ACTIVATION_TIMER, ReportingSchedule.PERIOD_TIMER);
    for (Job timer : management.createJobQuery().processInstanceId(instance).timers().list()) {
      if (!calendar.contains(schedule.elementOf(timer))) {
        management.setJobDuedate(timer.getId(), dueDates.later(timer.getDuedate(), pause));
      }
    }
    // each open report keeps its due date in its own scope, for a report sent back and due again
    for (VariableInstance due : runtime.createVariableInstanceQuery().processInstanceIdIn(instance)
        .variableName("reportDue").list()) {
      if (due.getValue() instanceof Date date) {
        runtime.setVariableLocal(due.getExecutionId(), "reportDue", dueDates.later(date, pause));
      }
    }
  }

  /** The agency the manager acts for: one of the activity's two whose manager they are. */
  private String managedAgency(JointActivity activity, String manager, String what) {
    Set<String> groups = identity.groupsOf(manager);
    return activity.agencies().stream()
        .filter(agency -> groups.contains(agencies.groupId(agency, Role.MANAGER)))
        .findFirst()
        .orElseThrow(() -> new ActionRefusedException(manager + " may not " + what + " " + activity.getReference()
            + ": only a manager of " + String.join(" or ", activity.agencies()) + " may"));
  }

  private static void requireState(JointActivity activity, Set<ActivityState> allowed, String what) {
    if (!allowed.contains(activity.getState())) {
      throw new IllegalStateException(activity.getReference() + " is " + activity.getState() + "; only an activity that is "
          + allowed.stream().map(Enum::name).collect(Collectors.joining(" or ")) + " can be " + what);
    }
  }

  private static String reasonOf(String reason, boolean required) {
    return PlainText.comment("Intervention", "reason", reason, required ? "is required: say why" : null);
  }

  /** The suspension's length in days, rounded up, so deadlines stay at the end of a day. */
  private static long wholeDays(Instant from, Instant to) {
    long seconds = Duration.between(from, to).getSeconds();
    return (seconds + 86_399) / 86_400;
  }
}
