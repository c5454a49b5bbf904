package org.jointactivities.notification;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * E-mail delivery as a health indicator of its own ({@code mailDelivery}): DEGRADED while the mail
 * server fails and mails wait, never DOWN — the node still serves everyone, and mails go out once the
 * server is back. (Spring Boot's own mail check, which turned the whole node DOWN, is off.) UNKNOWN
 * while the database, which holds the queue, cannot be reached: the database's own indicator is DOWN.
 */
@Component("mailDeliveryHealthIndicator")
class MailDeliveryHealth implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "The mail server fails; e-mails wait and are retried");

  private final MailDelivery delivery;
  private final NotificationOperations operations;
  private final NotificationRepository notifications;

  MailDeliveryHealth(MailDelivery delivery, NotificationOperations operations, NotificationRepository notifications) {
    this.delivery = delivery;
    this.operations = operations;
    this.notifications = notifications;
  }

  @Override
  public Health health() {
    try {
      return mailHealth();
    } catch (DataAccessException | TransactionException noDatabase) {
      // the queue is in the database: say so, rather than fail the whole health answer with a 500
      return Health.unknown().withDetail("error", "The mail queue cannot be read: the database cannot be reached").build();
    }
  }

  private Health mailHealth() {
    long pending = notifications.countByNextAttemptAtIsNotNull();
    Health.Builder health = delivery.lastOutcome().filter(last -> last.error() != null && pending > 0).isPresent()
        ? Health.status(DEGRADED) : Health.up();
    health.withDetail("pending", pending)
        .withDetail("gaveUp", notifications.countBySentAtIsNullAndGaveUpAtIsNotNull())
        .withDetail("oldestPendingSeconds", operations.oldestPendingSeconds());
    delivery.lastOutcome().ifPresent(last -> {
      health.withDetail("lastAttemptAt", last.at().toString());
      if (last.error() != null) {
        health.withDetail("lastError", last.error());
      }
    });
    return health.build();
  }
}
