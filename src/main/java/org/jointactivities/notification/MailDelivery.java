package org.jointactivities.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jointactivities.rules.PlainText;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications in batches: takes up to ten (a claim in the database, so that across
 * nodes one sender has each), talks to the mail server over one connection holding no transaction
 * or database connection, then records every outcome in one transaction. A failed attempt waits as
 * {@code joint-activities.notifications.retry-intervals} says, until {@code give-up-after}; a mail
 * that cannot even be written (a malformed address) gives up at once, as no retry can help it.
 * Each failed attempt is one line in the log; the stack trace is at debug level.
 *
 * <p>Time is the engine's clock, so that tests can move it.
 */
@Service
public class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
  private static final int BATCH = 10;
  private static final String UTF_8 = "UTF-8";
  /** The header naming the notification (outbox row) a mail is. */
  public static final String NOTIFICATION_HEADER = "X-Joint-Activities-Notification";

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
    for (List<Notification> batch = take(); !batch.isEmpty(); batch = take()) {
      failed += send(batch);
    }
    return failed;
  }

  /** Sends one batch of due mails if there is one; false when none was due. */
  boolean sendBatch() {
    List<Notification> batch = take();
    if (!batch.isEmpty()) {
      send(batch);
    }
    return !batch.isEmpty();
  }

  Optional<Outcome> lastOutcome() {
    return Optional.ofNullable(lastOutcome.get());
  }

  /**
   * Takes up to BATCH due mails in one transaction. Mails go in batches because on the embedded H2
   * every commit writes the database file: a commit per mail made the senders the largest writer
   * (39% of the file writes in the benchmark's profile).
   */
  private List<Notification> take() {
    return transaction.execute(status -> {
      Instant now = now();
      List<Long> claimed = new ArrayList<>();
      for (Long id : notifications.findDue(now, PageRequest.ofSize(2 * BATCH))) {
        if (claimed.size() < BATCH && notifications.claim(id, now, now.plus(delivery.claimTime())) == 1) {
          claimed.add(id);
        }
      }
      return claimed.isEmpty() ? List.<Notification>of() : notifications.findAllById(claimed);
    });
  }

  /** Sends the batch over one connection to the mail server, then records every outcome in one transaction. */
  private int send(List<Notification> batch) {
    Map<Long, MailException> failures = new LinkedHashMap<>();
    Map<MimeMessage, Notification> messages = new LinkedHashMap<>();
    for (Notification notification : batch) {
      try {
        messages.put(message(notification), notification);
      } catch (MailPreparationException cannotBeWritten) {
        failures.put(notification.getId(), cannotBeWritten);
      }
    }
    if (!messages.isEmpty()) {
      try {
        mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
      } catch (MailSendException e) {
        if (e.getFailedMessages().isEmpty()) {
          messages.values().forEach(notification -> failures.put(notification.getId(), e));
        }
        e.getFailedMessages().forEach((message, cause) -> failures.put(messages.get(message).getId(),
            cause instanceof MailException mail ? mail : new MailSendException(cause.getMessage(), cause)));
      } catch (MailException e) {
        messages.values().forEach(notification -> failures.put(notification.getId(), e));
      }
    }
    record(batch, failures);
    return failures.size();
  }

  private void record(List<Notification> batch, Map<Long, MailException> failures) {
    Instant now = now();
    List<Duration> waits = schedule.retryDelays();
    transaction.executeWithoutResult(status -> notifications.findAllById(batch.stream().map(Notification::getId).toList())
        .forEach(row -> {
          MailException failure = failures.get(row.getId());
          if (failure == null) {
            row.markSent(now);
          } else {
            int attempt = row.getAttempts() + 1;
            Instant next = failure instanceof MailPreparationException || attempt > waits.size()
                ? null : now.plus(waits.get(attempt - 1));
            log(row, attempt, waits.size() + 1, next, failure);
            row.markFailed(now, errorOf(failure), next);
          }
          notifications.save(row);
        }));
    lastOutcome.set(new Outcome(now, failures.isEmpty() ? null : errorOf(failures.values().iterator().next())));
  }

  /**
   * Plain text and HTML as alternatives, written with Jakarta Mail directly: Spring's
   * {@code MimeMessageHelper} reads and parses {@code mime.types} for every message not made by its
   * own sender (ours carries a fixed Message-ID), the largest cost of a mail in the CPU profile.
   */
  private MimeMessage message(Notification notification) {
    try {
      MimeMessage message = mailSender instanceof JavaMailSenderImpl sender
          ? new OutboxMessage(sender.getSession(), messageId(notification)) : mailSender.createMimeMessage();
      message.setFrom(new InternetAddress(schedule.from(), true));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", notification.getRecipients()), true));
      message.setSubject(notification.getSubject(), UTF_8);
      MimeBodyPart text = new MimeBodyPart();
      text.setText(notification.getTextBody(), UTF_8);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(notification.getHtmlBody(), UTF_8, "html");
      // the richer alternative last, as RFC 2046 asks
      message.setContent(new MimeMultipart("alternative", text, html));
      // which outbox row a mail is: an operator traces it, and a copy sent again after a node died
      // mid-send (claimed, sent, not yet recorded) is the same mail, with the same Message-ID
      message.setHeader(NOTIFICATION_HEADER, String.valueOf(notification.getId()));
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("The notification cannot be written as e-mail: " + e.getMessage(), e);
    }
  }

  /**
   * One Message-ID per notification, whichever node sends it and however often, so that mail servers
   * and clients that drop a second copy of a message do so. The creation time keeps it unique when
   * a new database numbers its notifications from 1 again.
   */
  private String messageId(Notification notification) {
    String from = schedule.from();
    String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
    return "<" + notification.getId() + "." + notification.getCreatedAt().toEpochMilli() + ".joint-activities@" + domain + ">";
  }

  /** A message whose Message-ID is given, not made anew when it is sent. */
  private static final class OutboxMessage extends MimeMessage {

    private final String messageId;

    OutboxMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  private static String errorOf(MailException failure) {
    return failure instanceof MailPreparationException ? failure.getMessage() : PlainText.failureOf(failure);
  }

  private static void log(Notification notification, int attempt, int attempts, Instant next, MailException failure) {
    if (next == null) {
      LOG.warn("E-mail {} ({} for {}) not sent, giving up after attempt {}: {}; an operator can send it again at "
          + "/api/operations/notifications", notification.getId(), notification.getKind(),
          notification.getActivityReference(), attempt, errorOf(failure));
    } else {
      LOG.warn("E-mail {} ({} for {}) not sent, attempt {} of {}, next at {}: {}", notification.getId(),
          notification.getKind(), notification.getActivityReference(), attempt, attempts, next, errorOf(failure));
    }
    LOG.debug("E-mail {} failed", notification.getId(), failure);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
