package org.jointactivities.notification;

/** What a notification is about; each has its templates under {@code mail/}. */
public enum NotificationKind {
  TASK_CREATED("task"),
  TASK_REMINDER("task"),
  TASK_OVERDUE("task"),
  OVERDUE_ESCALATION("task"),
  STATE_CHANGED("state-changed"),
  MANAGERS_ALERTED("managers-alerted"),
  EXCHANGE_CHANGED("exchange-changed");

  private final String template;

  NotificationKind(String template) {
    this.template = template;
  }

  String template() {
    return template;
  }
}
