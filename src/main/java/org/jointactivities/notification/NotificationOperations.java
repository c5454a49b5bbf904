package org.jointactivities.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What operators need to see about e-mail delivery: how many notifications wait to be sent, which
 * gave up after all retries (with the mail server's error), and a way to send those again once the
 * cause is fixed — one, or all at once after an outage. Also as metrics: {@code ja.notifications.pending}
 * and {@code ja.notifications.failed}.
 */
@RestController
@Component
class NotificationOperations implements MeterBinder {

  private final NotificationRepository notifications;
  private final ManagementService management;
  private final AsSystem asSystem;
  private final IdentityLookup identity;
  private final NotificationProperties properties;

  NotificationOperations(NotificationRepository notifications, ManagementService management, AsSystem asSystem,
      IdentityLookup identity, NotificationProperties properties) {
    this.notifications = notifications;
    this.management = management;
    this.asSystem = asSystem;
    this.identity = identity;
    this.properties = properties;
  }

  record FailedNotification(long notificationId, String jobId, String subject, List<String> recipients, String error) {}

  record Status(long pending, List<FailedNotification> failed) {}

  @GetMapping("/api/operations/notifications")
  Status status(Principal user) {
    checkAdministrator(user);
    return new Status(notifications.countBySentAtIsNull(), failed());
  }

  /** Sends a notification that ran out of retries again now, with the whole retry schedule ahead of it. */
  @PostMapping("/api/operations/notifications/{jobId}/retry")
  Status retry(@PathVariable String jobId, Principal user) {
    checkAdministrator(user);
    restart(List.of(jobId));
    return status(user);
  }

  /** The same for every notification that ran out of retries, e.g. after a weekend's outage. */
  @PostMapping("/api/operations/notifications/retry-failed")
  Status retryFailed(Principal user) {
    checkAdministrator(user);
    restart(failed().stream().map(FailedNotification::jobId).toList());
    return status(user);
  }

  private void restart(List<String> jobIds) {
    if (!jobIds.isEmpty()) {
      asSystem.run(() -> management.setJobRetries(properties.retryAttempts()).jobIds(jobIds)
          .dueDate(ClockUtil.getCurrentTime()).execute());
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("ja.notifications.pending", notifications, NotificationRepository::countBySentAtIsNull)
        .description("E-mails recorded but not yet sent").register(registry);
    Gauge.builder("ja.notifications.failed", this, operations -> operations.failed().size())
        .description("E-mails that gave up after all retries").register(registry);
  }

  List<FailedNotification> failed() {
    return asSystem.call(() -> management.createJobQuery().noRetriesLeft().list()).stream()
        .filter(job -> job instanceof JobEntity entity && NotificationJobHandler.TYPE.equals(entity.getJobHandlerType()))
        .map(this::describe).toList();
  }

  private FailedNotification describe(Job job) {
    long id = Long.parseLong(((JobEntity) job).getJobHandlerConfigurationRaw());
    Notification notification = notifications.findById(id).orElse(null);
    return new FailedNotification(id, job.getId(), notification == null ? null : notification.getSubject(),
        notification == null ? List.of() : notification.getRecipients(), job.getExceptionMessage());
  }

  private void checkAdministrator(Principal user) {
    if (!identity.isMember(user.getName(), Groups.CAMUNDA_ADMIN)) {
      throw new ActionRefusedException("Only administrators see the notification queue");
    }
  }
}
