package org.jointactivities.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The engine job that sent one notification in earlier versions. Such jobs may still wait in a
 * database written by them; their notifications are due in the mail senders' own schedule now
 * (migration V7), so the job only finishes, sending nothing. Without a handler the engine would
 * fail them.
 */
class NotificationJobHandler implements JobHandler<NotificationJobHandler.NotificationId> {

  static final String TYPE = "ja-send-notification";

  record NotificationId(String value) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return value;
    }
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(NotificationId id, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    // the mail senders send notification id.value()
  }

  @Override
  public NotificationId newConfiguration(String canonicalString) {
    return new NotificationId(canonicalString);
  }

  @Override
  public void onDelete(NotificationId configuration, JobEntity jobEntity) {
    // the notification row stays as the record of what was (or was not) sent
  }
}
