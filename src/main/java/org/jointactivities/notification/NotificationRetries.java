package org.jointactivities.notification;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;

/**
 * When a mail's job fails: its next attempt waits as {@code joint-activities.notifications.retry-intervals}
 * says, until {@code give-up-after}; a mail that cannot even be written (a malformed address) gives up
 * at once, as no retry can help it. Other jobs are left to the engine's own strategy.
 *
 * <p>Needed because the engine applies {@code failed-job-retry-time-cycle} only to jobs of a BPMN
 * activity; a job of its own, like this one, would get three attempts back to back.
 */
class NotificationRetries implements FailedJobCommandFactory {

  private final FailedJobCommandFactory engineDefault;
  private final ObjectProvider<NotificationProperties> properties;

  NotificationRetries(FailedJobCommandFactory engineDefault, ObjectProvider<NotificationProperties> properties) {
    this.engineDefault = engineDefault;
    this.properties = properties;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return new RetryCommand(jobId, exception, engineDefault.getCommand(jobId, exception));
  }

  private final class RetryCommand extends JobRetryCmd {

    private final Command<Object> otherwise;

    RetryCommand(String jobId, Throwable exception, Command<Object> otherwise) {
      super(jobId, exception);
      this.otherwise = otherwise;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null || !NotificationJobHandler.TYPE.equals(job.getJobHandlerType())) {
        return otherwise.execute(commandContext);
      }
      List<Duration> delays = properties.getObject().retryDelays();
      // no exception recorded yet: the first failure, which starts the schedule
      if (job.getExceptionMessage() == null && job.getExceptionByteArrayId() == null) {
        job.setRetries(properties.getObject().retryAttempts());
      }
      if (cannotBeWritten(exception)) {
        job.setRetries(1);
      }
      if (job.getRetries() > 1) {
        // the n-th failure waits the n-th delay (retries set by hand, e.g. in Cockpit, are clamped)
        int failedBefore = delays.size() + 1 - job.getRetries();
        Duration wait = delays.get(Math.max(0, Math.min(failedBefore, delays.size() - 1)));
        job.setDuedate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(wait)));
      }
      job.unlock();
      logException(job);
      decrementRetries(job);
      notifyAcquisition(commandContext);
      return null;
    }
  }

  private static boolean cannotBeWritten(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof MailPreparationException) {
        return true;
      }
    }
    return false;
  }
}
