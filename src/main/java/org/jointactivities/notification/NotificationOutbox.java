package org.jointactivities.notification;

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
 * the process engine's job executor: a job (NotificationJobHandler) is created in the same
 * transaction, runs after commit, is retried with back-off from
 * {@code failed-job-retry-time-cycle}, survives restarts and is locked per node in a cluster. So a
 * failing mail server never blocks or rolls back anyone's work, and nothing is lost.
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
   * Writes the e-mail now and queues it for sending. A notification that cannot be written is
   * logged, never allowed to undo the work that caused it.
   */
  void enqueue(NotificationKind kind, List<String> recipients, String reference, String dedupKey,
      Map<String, Object> model) {
    if (recipients.isEmpty()) {
      LOG.warn("{} for {} has no recipient with an e-mail address", kind, reference);
      return;
    }
    if (dedupKey != null && notifications.existsByDedupKey(dedupKey)) {
      return;
    }
    try {
      RenderedMail mail = templates.render(kind, model);
      Notification notification = notifications.save(new Notification(kind, dedupKey, reference, recipients, mail,
          ClockUtil.getCurrentTime().toInstant()));
      engine.getCommandExecutorTxRequired().execute(commandContext -> {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(NotificationJobHandler.TYPE);
        job.setJobHandlerConfigurationRaw(String.valueOf(notification.getId()));
        commandContext.getJobManager().send(job);
        return null;
      });
    } catch (RuntimeException e) {
      LOG.error("Could not record {} for {} to {}", kind, reference, recipients, e);
    }
  }

  MailTemplates templates() {
    return templates;
  }
}
