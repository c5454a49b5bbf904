package org.jointactivities.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** With the local mail sink on, mail goes to the sink's port, whichever it got. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "joint-activities.mail-sink.enabled", havingValue = "true")
class MailSinkSender {

  @Bean
  static BeanPostProcessor mailSenderToSink(ObjectProvider<MailSink> sink) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof JavaMailSenderImpl sender) {
          sender.setHost("127.0.0.1");
          sender.setPort(sink.getObject().port());
        }
        return bean;
      }
    };
  }
}
