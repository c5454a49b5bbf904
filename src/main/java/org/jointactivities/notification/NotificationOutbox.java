package org.jointactivities.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records a notification in the transaction of the work that caused it and leaves the sending to
 * the process engine's job executor: a job per recipient (NotificationJobHandler) is created in the
 * same transaction, runs after commit, is retried with back-off for days (NotificationRetries),
 * survives restarts and is locked per node in a cluster. So a failing mail server never blocks or
 * rolls back anyone's work; a mail that still fails after its last attempt waits for an operator.
 *
 * <p>Why the engine's jobs rather than an outbox library: the engine is already the transactional
 * outbox of this application — its jobs commit with the task completion, and retries, back-off,
 * cluster locking and operator visibility (failed jobs, with their error) come with it.
 */
@Service
public class NotificationOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);

  private final NotificationRepository notifications;
  private final MailTemplates templates;
  private final ProcessEngineConfigurationImpl engine;

  NotificationOutbox(NotificationRepository notifications, MailTemplates templates, ProcessEngineConfiguration engine) {
    this.notifications = notifications;
    this.templates = templates;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /**
   * Writes the e-mail now and queues one copy per recipient, each with a job of its own, so that
   * a group of any size only adds rows and one failing address holds up nobody else.
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
    List<Notification> saved = notifications.saveAll(recipients.stream()
        .map(recipient -> new Notification(kind, key, reference, recipient, mail, now)).toList());
    engine.getCommandExecutorTxRequired().execute(commandContext -> {
      for (Notification notification : saved) {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(NotificationJobHandler.TYPE);
        job.setJobHandlerConfigurationRaw(String.valueOf(notification.getId()));
        commandContext.getJobManager().send(job);
      }
      return null;
    });
  }

  MailTemplates templates() {
    return templates;
  }
}
