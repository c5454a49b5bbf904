package org.jointactivities.reporting;

import java.time.LocalDate;

/** One reporting period of an activity, numbered from 1; the last one ends on the activity's end date. */
public record ReportingPeriod(int number, LocalDate start, LocalDate end, boolean last) {}
