package org.jointactivities.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.deadline.DueDates;
import org.jointactivities.identity.AsSystem;
import org.springframework.stereotype.Component;

/**
 * The reporting schedule of an activity, derived from its dates and reporting frequency
 * (PRODUCT.md §4): contiguous periods of one, three or six months from the start date, the last
 * one cut at the end date. Always computed from the registry, so an amendment of the dates
 * changes the rest of the schedule. The implementation model waits on
 * {@code ${reportingSchedule.activation(activityId)}} and
 * {@code ${reportingSchedule.periodEnded(activityId, reportingPeriod)}}.
 */
@Component("reportingSchedule")
public class ReportingSchedule {

  public static final String ACTIVATION_TIMER = "TimerEvent_PlannedStartReached";
  public static final String PERIOD_TIMER = "TimerEvent_ReportingPeriodEnded";

  private final ActivityRegistry registry;
  private final DueDates dueDates;
  private final ManagementService management;
  private final AsSystem asSystem;

  public ReportingSchedule(ActivityRegistry registry, DueDates dueDates, ManagementService management,
      AsSystem asSystem) {
    this.registry = registry;
    this.dueDates = dueDates;
    this.management = management;
    this.asSystem = asSystem;
  }

  public static List<ReportingPeriod> periods(JointActivity activity) {
    int months = activity.getReportingFrequency().months();
    LocalDate start = activity.getPlannedStartDate();
    LocalDate end = activity.getPlannedEndDate();
    List<ReportingPeriod> periods = new ArrayList<>();
    for (int i = 0; !start.plusMonths((long) i * months).isAfter(end); i++) {
      LocalDate from = start.plusMonths((long) i * months);
      LocalDate to = start.plusMonths((long) (i + 1) * months).minusDays(1);
      boolean last = !to.isBefore(end);
      periods.add(new ReportingPeriod(i + 1, from, last ? end : to, last));
    }
    return periods;
  }

  /** The period by number; past the end of a shortened schedule, the last period. */
  public static ReportingPeriod period(JointActivity activity, int number) {
    List<ReportingPeriod> periods = periods(activity);
    return periods.get(Math.min(Math.max(number, 1), periods.size()) - 1);
  }

  /** When the activity starts: the beginning of its planned start date (at once when that is past). */
  public Date activation(long activityId) {
    return dueDates.startOf(registry.get(activityId).getPlannedStartDate());
  }

  /** When a period has ended: the beginning of the day after its last day. */
  public Date periodEnded(long activityId, int number) {
    return dueDates.startOf(period(registry.get(activityId), number).end().plusDays(1));
  }

  /**
   * After the dates changed: the activation timer (not yet started) or the timer of the current
   * period moves to the new dates. Works while the implementation is suspended, too.
   */
  public void reschedule(JointActivity activity, String implementationInstanceId, int currentPeriod) {
    asSystem.run(() -> {
      for (Job timer : management.createJobQuery().processInstanceId(implementationInstanceId).timers().list()) {
        String element = elementOf(timer);
        if (ACTIVATION_TIMER.equals(element)) {
          management.setJobDuedate(timer.getId(), activation(activity.getId()));
        } else if (PERIOD_TIMER.equals(element)) {
          management.setJobDuedate(timer.getId(), periodEnded(activity.getId(), currentPeriod));
        }
      }
    });
  }

  /** The model element a timer job waits at, e.g. {@value #PERIOD_TIMER}. */
  public String elementOf(Job timer) {
    return management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult().getActivityId();
  }
}
