package org.jointactivities.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates of human tasks, used in the models as {@code ${dueDates.review()}}: the end of the
 * n-th working day (Monday to Friday) from today. Ending on a day boundary makes the task's due
 * date and its overdue timer, evaluated a moment apart, agree exactly.
 */
@Component("dueDates")
public class DueDates {

  private final DeadlineProperties properties;

  public DueDates(DeadlineProperties properties) {
    this.properties = properties;
  }

  public Date review() {
    return afterWorkingDays(properties.reviewWorkingDays());
  }

  public Date revision() {
    return afterWorkingDays(properties.revisionWorkingDays());
  }

  public Date signature() {
    return afterWorkingDays(properties.signatureWorkingDays());
  }

  /**
   * A progress report is due some working days after its period ends. Its task is created the
   * day after; when it is created later (the activity was suspended then), the days count from
   * the day it is created.
   */
  public Date report(LocalDate periodEnd) {
    LocalDate today = today();
    return afterWorkingDays(properties.reportWorkingDays(), today.isAfter(periodEnd.plusDays(1)) ? today : periodEnd);
  }

  /** The last second of a day, where a date-only deadline such as a request's "needed by" ends. */
  public Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.MAX.withNano(0)).atZone(properties.zone()).toInstant());
  }

  /** The first moment of a day, where days end for deadlines: when a dated timer fires. */
  public Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(properties.zone()).toInstant());
  }

  /** The same moment of the day, some days later, in the zone days end in (whatever its clock changes). */
  public Date later(Date date, long days) {
    return Date.from(date.toInstant().atZone(properties.zone()).plusDays(days).toInstant());
  }

  public LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(properties.zone()).toLocalDate();
  }

  Date afterWorkingDays(int days) {
    return afterWorkingDays(days, today());
  }

  private Date afterWorkingDays(int days, LocalDate from) {
    LocalDate day = from;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        counted++;
      }
    }
    return endOf(day);
  }
}
