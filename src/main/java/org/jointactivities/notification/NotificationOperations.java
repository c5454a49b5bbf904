package org.jointactivities.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What operators need to see about e-mail delivery: how many notifications wait to be sent, which
 * gave up after all retries (with the mail server's error), and a way to send those again once the
 * cause is fixed — one, or all at once after an outage. Also as metrics: {@code ja.notifications.pending}
 * (the backlog), {@code ja.notifications.failed} (given up) and {@code ja.notifications.oldest.pending.seconds}.
 */
@RestController
@Component
class NotificationOperations implements MeterBinder {

  private final NotificationRepository notifications;
  private final IdentityLookup identity;
  private final MailSenders senders;

  NotificationOperations(NotificationRepository notifications, IdentityLookup identity, MailSenders senders) {
    this.notifications = notifications;
    this.identity = identity;
    this.senders = senders;
  }

  record FailedNotification(long notificationId, String subject, List<String> recipients, int attempts,
      Instant gaveUpAt, String error) {}

  record Status(long pending, List<FailedNotification> failed) {}

  @GetMapping("/api/operations/notifications")
  Status status(Principal user) {
    checkAdministrator(user);
    return new Status(notifications.countByNextAttemptAtIsNotNull(), failed());
  }

  /** Sends a notification that ran out of retries again now, with the whole retry schedule ahead of it. */
  @PostMapping("/api/operations/notifications/{notificationId}/retry")
  @Transactional
  public Status retry(@PathVariable long notificationId, Principal user) {
    checkAdministrator(user);
    notifications.findById(notificationId).filter(n -> n.getGaveUpAt() != null && n.getSentAt() == null)
        .ifPresent(this::restart);
    return status(user);
  }

  /** The same for every notification that ran out of retries, e.g. after a weekend's outage. */
  @PostMapping("/api/operations/notifications/retry-failed")
  @Transactional
  public Status retryFailed(Principal user) {
    checkAdministrator(user);
    notifications.findBySentAtIsNullAndGaveUpAtIsNotNullOrderByIdAsc().forEach(this::restart);
    return status(user);
  }

  private void restart(Notification notification) {
    notification.restart(ClockUtil.getCurrentTime().toInstant());
    notifications.save(notification);
    senders.wake();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("ja.notifications.pending", notifications, NotificationRepository::countByNextAttemptAtIsNotNull)
        .description("E-mails recorded but not yet sent (the backlog)").register(registry);
    Gauge.builder("ja.notifications.failed", notifications, NotificationRepository::countBySentAtIsNullAndGaveUpAtIsNotNull)
        .description("E-mails that gave up after all retries").register(registry);
    Gauge.builder("ja.notifications.oldest.pending", this, NotificationOperations::oldestPendingSeconds)
        .baseUnit("seconds").description("How long the oldest e-mail still to be sent has waited").register(registry);
  }

  List<FailedNotification> failed() {
    return notifications.findBySentAtIsNullAndGaveUpAtIsNotNullOrderByIdAsc().stream()
        .map(n -> new FailedNotification(n.getId(), n.getSubject(), n.getRecipients(), n.getAttempts(), n.getGaveUpAt(),
            n.getLastError()))
        .toList();
  }

  double oldestPendingSeconds() {
    return notifications.oldestPending()
        .map(created -> (double) Duration.between(created, ClockUtil.getCurrentTime().toInstant()).toSeconds())
        .orElse(0.0);
  }

  private void checkAdministrator(Principal user) {
    if (!identity.isMember(user.getName(), Groups.CAMUNDA_ADMIN)) {
      throw new ActionRefusedException("Only administrators see the notification queue");
    }
  }
}
