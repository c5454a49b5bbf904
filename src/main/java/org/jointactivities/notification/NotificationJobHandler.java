package org.jointactivities.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The job that sends one notification. It fails (and the engine retries it later) while the
 * mail server is unreachable; once sent, the notification is marked in the same transaction
 * that deletes the job, and a notification already marked is never sent again.
 */
class NotificationJobHandler implements JobHandler<NotificationJobHandler.NotificationId> {

  static final String TYPE = "ja-send-notification";

  private final ObjectProvider<NotificationRepository> notifications;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final ObjectProvider<NotificationProperties> properties;

  NotificationJobHandler(ObjectProvider<NotificationRepository> notifications, ObjectProvider<JavaMailSender> mailSender,
      ObjectProvider<NotificationProperties> properties) {
    this.notifications = notifications;
    this.mailSender = mailSender;
    this.properties = properties;
  }

  record NotificationId(long value) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return String.valueOf(value);
    }
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(NotificationId id, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    NotificationRepository repository = notifications.getObject();
    Notification notification = repository.findById(id.value()).orElse(null);
    if (notification == null || notification.getSentAt() != null) {
      return;
    }
    JavaMailSender sender = mailSender.getObject();
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
      mail.setFrom(properties.getObject().from());
      mail.setTo(notification.getRecipients().toArray(String[]::new));
      mail.setSubject(notification.getSubject());
      mail.setText(notification.getTextBody(), notification.getHtmlBody());
    } catch (MessagingException e) {
      throw new MailPreparationException("Notification " + id.value() + " cannot be written as e-mail", e);
    }
    sender.send(message);
    notification.markSent(ClockUtil.getCurrentTime().toInstant());
    repository.save(notification);
  }

  @Override
  public NotificationId newConfiguration(String canonicalString) {
    return new NotificationId(Long.parseLong(canonicalString));
  }

  @Override
  public void onDelete(NotificationId configuration, JobEntity jobEntity) {
    // the notification row stays as the record of what was (or was not) sent
  }
}
