package org.jointactivities.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications, one at a time per calling thread: takes one (a claim in the database, so
 * that across nodes one sender has it), talks to the mail server holding no transaction or
 * connection, then records the outcome. A failed attempt waits as
 * {@code joint-activities.notifications.retry-intervals} says, until {@code give-up-after}; a mail
 * that cannot even be written (a malformed address) gives up at once, as no retry can help it.
 * Each failed attempt is one line in the log; the stack trace is at debug level.
 *
 * <p>Time is the engine's clock, so that tests can move it.
 */
@Service
public class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
  private static final int CANDIDATES = 8;

  private final NotificationRepository notifications;
  private final JavaMailSender mailSender;
  private final NotificationProperties schedule;
  private final MailDeliveryProperties delivery;
  private final TransactionTemplate transaction;
  private final AtomicReference<Outcome> lastOutcome = new AtomicReference<>();

  /** The last attempt on this node: when, and the mail server's error if it failed. */
  record Outcome(Instant at, String error) {}

  MailDelivery(NotificationRepository notifications, JavaMailSender mailSender, NotificationProperties schedule,
      MailDeliveryProperties delivery, PlatformTransactionManager transactions) {
    this.notifications = notifications;
    this.mailSender = mailSender;
    this.schedule = schedule;
    this.delivery = delivery;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Sends every mail that is due now, in this thread, and answers how many attempts failed
   * (the background senders and tests call this).
   */
  public int sendDue() {
    int failed = 0;
    for (Optional<Notification> next = take(); next.isPresent(); next = take()) {
      if (!send(next.get())) {
        failed++;
      }
    }
    return failed;
  }

  /** Sends one due mail if there is one; false when none was due. */
  boolean sendOne() {
    Optional<Notification> next = take();
    next.ifPresent(this::send);
    return next.isPresent();
  }

  Optional<Outcome> lastOutcome() {
    return Optional.ofNullable(lastOutcome.get());
  }

  private Optional<Notification> take() {
    return transaction.execute(status -> {
      Instant now = now();
      List<Long> due = notifications.findDue(now, PageRequest.ofSize(CANDIDATES));
      for (Long id : due) {
        if (notifications.claim(id, now, now.plus(delivery.claimTime())) == 1) {
          return notifications.findById(id);
        }
      }
      return Optional.empty();
    });
  }

  private boolean send(Notification notification) {
    try {
      mailSender.send(message(notification));
    } catch (MailException e) {
      recordFailure(notification, e);
      return false;
    }
    Instant sent = now();
    transaction.executeWithoutResult(status -> notifications.findById(notification.getId()).ifPresent(row -> {
      row.markSent(sent);
      notifications.save(row);
    }));
    lastOutcome.set(new Outcome(sent, null));
    return true;
  }

  private MimeMessage message(Notification notification) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
      mail.setFrom(schedule.from());
      mail.setTo(notification.getRecipients().toArray(String[]::new));
      mail.setSubject(notification.getSubject());
      mail.setText(notification.getTextBody(), notification.getHtmlBody());
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("The notification cannot be written as e-mail: " + e.getMessage(), e);
    }
  }

  private void recordFailure(Notification notification, MailException failure) {
    Instant now = now();
    String error = failure instanceof MailPreparationException ? failure.getMessage() : rootMessage(failure);
    int attempt = notification.getAttempts() + 1;
    List<Duration> waits = schedule.retryDelays();
    Instant next = failure instanceof MailPreparationException || attempt > waits.size()
        ? null : now.plus(waits.get(attempt - 1));
    transaction.executeWithoutResult(status -> notifications.findById(notification.getId()).ifPresent(row -> {
      row.markFailed(now, error, next);
      notifications.save(row);
    }));
    lastOutcome.set(new Outcome(now, error));
    if (next == null) {
      LOG.warn("E-mail {} ({} for {}) not sent, giving up after attempt {}: {}; an operator can send it again at "
          + "/api/operations/notifications", notification.getId(), notification.getKind(),
          notification.getActivityReference(), attempt, error);
    } else {
      LOG.warn("E-mail {} ({} for {}) not sent, attempt {} of {}, next at {}: {}", notification.getId(),
          notification.getKind(), notification.getActivityReference(), attempt, waits.size() + 1, next, error);
    }
    LOG.debug("E-mail {} failed", notification.getId(), failure);
  }

  /** The innermost cause says what went wrong ("Connection refused", "Read timed out"). */
  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == failure ? message : failure.getClass().getSimpleName() + ": " + message;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
