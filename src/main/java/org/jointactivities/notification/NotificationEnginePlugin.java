package org.jointactivities.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine the notification job and its retry schedule (beans are looked up lazily: the
 * engine starts first).
 */
@Component
class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

  private final NotificationJobHandler handler;
  private final ObjectProvider<NotificationProperties> properties;

  NotificationEnginePlugin(ObjectProvider<NotificationRepository> notifications, ObjectProvider<JavaMailSender> mailSender,
      ObjectProvider<NotificationProperties> properties) {
    this.handler = new NotificationJobHandler(notifications, mailSender, properties);
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = new ArrayList<>();
    if (configuration.getCustomJobHandlers() != null) {
      handlers.addAll(configuration.getCustomJobHandlers());
    }
    handlers.add(handler);
    configuration.setCustomJobHandlers(handlers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(
        new NotificationRetries(configuration.getFailedJobCommandFactory(), properties));
  }
}
