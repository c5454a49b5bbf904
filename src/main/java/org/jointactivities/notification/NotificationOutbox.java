package org.jointactivities.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records a notification in the transaction of the work that caused it, one row per recipient, and
 * leaves the sending to the mail senders (MailDelivery), which pick the rows up after commit. So a
 * failing or hanging mail server never blocks, delays or rolls back anyone's work, and a mail still
 * failing after its last attempt waits for an operator.
 *
 * <p>Why a table of our own rather than the engine's jobs, which sent mail before: jobs share the job executor's threads with the process's own continuations and
 * timers, so a mail server that accepted connections and never answered held every thread in SMTP
 * reads and stopped the workflow. The row still commits with the work, as a job did.
 */
@Service
public class NotificationOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);

  private final NotificationRepository notifications;
  private final MailTemplates templates;
  private final MailSenders senders;

  NotificationOutbox(NotificationRepository notifications, MailTemplates templates, MailSenders senders) {
    this.notifications = notifications;
    this.templates = templates;
    this.senders = senders;
  }

  /**
   * Writes the e-mail now and queues one copy per recipient, each sent and retried by itself, so
   * that a group of any size only adds rows and one failing address holds up nobody else.
   *
   * <p>Nothing here may fail the work that caused it. Catching a failed insert would not help:
   * Spring has then marked the transaction rollback-only, and PostgreSQL aborts it at the first
   * failed statement. So every value is fitted to its column before the insert (Notification),
   * and only rendering, which touches no database, is caught.
   */
  void enqueue(NotificationKind kind, List<String> recipients, String reference, String dedupKey,
      Map<String, Object> model) {
    if (recipients.isEmpty()) {
      LOG.warn("{} for {} has no recipient with an e-mail address", kind, reference);
      return;
    }
    String key = Notification.fit(dedupKey, Notification.DEDUP_KEY_LENGTH);
    if (key != null && notifications.existsByDedupKey(key)) {
      return;
    }
    RenderedMail mail;
    try {
      mail = templates.render(kind, model);
    } catch (RuntimeException e) {
      LOG.error("Could not write {} for {} to {} recipient(s)", kind, reference, recipients.size(), e);
      return;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    notifications.saveAll(recipients.stream()
        .map(recipient -> new Notification(kind, key, reference, recipient, mail, now)).toList());
    wakeSendersAfterCommit();
  }

  private void wakeSendersAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      senders.wake();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        senders.wake();
      }
    });
  }

  MailTemplates templates() {
    return templates;
  }
}
