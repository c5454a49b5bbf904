package org.jointactivities.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail notifications: where links point, who sends, and when reminders go out.
 *
 * @param tasklistUrl base URL of Tasklist, e.g. {@code http://localhost:8080/camunda/app/tasklist/default/}
 * @param from sender address
 * @param reminderBeforeDue how long before a task's due date its holder is reminded
 * @param reminderScanInterval how often tasks are checked for reminders
 */
@ConfigurationProperties("joint-activities.notifications")
public record NotificationProperties(String tasklistUrl, String from, Duration reminderBeforeDue, Duration reminderScanInterval) {

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
  }

  /** A link that opens the task in Tasklist. */
  public String taskLink(String taskId) {
    return tasklistUrl + "#/?task=" + taskId;
  }
}
