package org.jointactivities.browser;

import java.time.LocalDate;

/**
 * Planned dates worked out from the day the suite runs, because the browser tests run the engine
 * on the real clock: an activity that has not begun stays {@code SIGNED}, and a running quarterly
 * activity has exactly one report due (its first quarter ended one to two months ago, its second
 * ends one to two months from now).
 */
final class ActivityDates {

  /** Begins on the first of the month after next and lasts a year. */
  static final LocalDate NOT_BEGUN_START = LocalDate.now().plusMonths(2).withDayOfMonth(1);
  static final LocalDate NOT_BEGUN_END = NOT_BEGUN_START.plusYears(1).minusDays(1);

  /** Began on the first of the month four months ago and lasts a year. */
  static final LocalDate RUNNING_START = LocalDate.now().minusMonths(4).withDayOfMonth(1);
  static final LocalDate RUNNING_END = RUNNING_START.plusYears(1).minusDays(1);
  /** How the report form names a quarterly running activity's first period. */
  static final String RUNNING_FIRST_PERIOD =
      "Period 1: " + RUNNING_START + " to " + RUNNING_START.plusMonths(3).minusDays(1);

  private ActivityDates() {}
}
