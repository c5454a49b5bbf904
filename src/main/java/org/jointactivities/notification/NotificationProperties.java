package org.jointactivities.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail notifications: where links point, who sends, when reminders go out, and how long a mail
 * is retried while the mail server fails.
 *
 * @param tasklistUrl base URL of Tasklist, e.g. {@code http://localhost:8080/camunda/app/tasklist/default/}
 * @param from sender address
 * @param reminderBeforeDue how long before a task's due date its holder is reminded
 * @param reminderScanInterval how often tasks are checked for reminders
 * @param retryIntervals the waits after the first, second, … failed attempt of a mail; the last repeats
 * @param giveUpAfter a mail is attempted until its waits add up to this; then it waits for an operator
 */
@ConfigurationProperties("joint-activities.notifications")
public record NotificationProperties(String tasklistUrl, String from, Duration reminderBeforeDue, Duration reminderScanInterval,
    List<Duration> retryIntervals, Duration giveUpAfter) {

  public NotificationProperties {
    if (tasklistUrl == null || tasklistUrl.isBlank()) {
      throw new IllegalArgumentException("joint-activities.notifications.tasklist-url is required");
    }
    tasklistUrl = tasklistUrl.endsWith("/") ? tasklistUrl : tasklistUrl + "/";
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("joint-activities.notifications.from is required");
    }
    reminderBeforeDue = reminderBeforeDue == null ? Duration.ofDays(1) : reminderBeforeDue;
    reminderScanInterval = reminderScanInterval == null ? Duration.ofMinutes(5) : reminderScanInterval;
    retryIntervals = retryIntervals == null || retryIntervals.isEmpty() ? List.of(Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
        Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(12)) : List.copyOf(retryIntervals);
    if (retryIntervals.stream().anyMatch(wait -> wait.isNegative() || wait.isZero())) {
      throw new IllegalArgumentException("joint-activities.notifications.retry-intervals must be positive");
    }
    giveUpAfter = giveUpAfter == null ? Duration.ofDays(5) : giveUpAfter;
  }

  /** A link that opens the task in Tasklist. */
  public String taskLink(String taskId) {
    return tasklistUrl + "#/?task=" + taskId;
  }

  /** Every wait between two attempts of one mail: the intervals, then the last again until giveUpAfter. */
  public List<Duration> retryDelays() {
    List<Duration> delays = new ArrayList<>(retryIntervals);
    Duration total = delays.stream().reduce(Duration.ZERO, Duration::plus);
    Duration last = delays.get(delays.size() - 1);
    while (total.compareTo(giveUpAfter) < 0) {
      delays.add(last);
      total = total.plus(last);
    }
    return delays;
  }

  /** How many times a mail is attempted in all, also when an operator sends it again. */
  public int retryAttempts() {
    return retryDelays().size() + 1;
  }
}
