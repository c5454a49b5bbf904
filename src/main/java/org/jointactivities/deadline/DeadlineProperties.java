package org.jointactivities.deadline;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each kind of task may take, in working days (PRODUCT.md §5): reports count from the
 * end of their period, the others from the day the task is created. And the zone a day ends in.
 */
@ConfigurationProperties("joint-activities.deadlines")
public record DeadlineProperties(ZoneId zone, int reviewWorkingDays, int revisionWorkingDays, int signatureWorkingDays,
    int reportWorkingDays) {

  public DeadlineProperties {
    zone = zone == null ? ZoneId.of("UTC") : zone;
    requirePositive("review-working-days", reviewWorkingDays);
    requirePositive("revision-working-days", revisionWorkingDays);
    requirePositive("signature-working-days", signatureWorkingDays);
    requirePositive("report-working-days", reportWorkingDays);
  }

  private static void requirePositive(String name, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("joint-activities.deadlines." + name + " must be at least 1, not " + days);
    }
  }
}
