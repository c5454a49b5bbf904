package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.JointActivitiesApplication;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notifications recorded while the mail server is down survive a restart of the application:
 * the next application context, with the server back, sends every one of them exactly once.
 */
class NotificationRestartTest {

  static final int SMTP_PORT = 3199;
  final String database = "jdbc:h2:mem:ja-restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void pendingMailsGoOutOnceAfterARestart() throws Exception {
    String reference;
    try (ConfigurableApplicationContext before = start()) {
      Scenario scenario = before.getAutowireCapableBeanFactory().createBean(Scenario.class);
      ProcessInstance proposal = scenario.submitValid();
      reference = proposal.getBusinessKey();
      scenario.complete("unodc-reviewer", scenario.task(proposal, "Task_ReviewProposal", "UNODC"),
          Map.of("reviewDecision", "APPROVE"));
      assertThat(scenario.runJobsCountingFailures()).as("e-mail jobs failing: no mail server").isPositive();
      // one per recipient: submitted (both focal points), the UNODC and the IOM review task
      assertThat(pending(before, reference)).isEqualTo(5);
    }

    GreenMail mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    try (ConfigurableApplicationContext after = start()) {
      Scenario scenario = after.getAutowireCapableBeanFactory().createBean(Scenario.class);
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(3, ChronoUnit.MINUTES)));
      scenario.runJobs();
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(60, ChronoUnit.MINUTES)));
      scenario.runJobs();

      assertThat(pending(after, reference)).isZero();
      List<String> sent = uniqueMessages(mailServer).stream()
          .filter(message -> subject(message).contains(reference))
          .map(message -> subject(message) + " -> " + recipients(message)).toList();
      // submitted (to the proposer and each focal point), the UNODC and the IOM review task: five mails, once each
      assertThat(sent).containsExactlyInAnyOrder(
          reference + " is now in review — Joint training on victim identification at borders -> [unodc-officer@unodc.org]",
          reference + " is now in review — Joint training on victim identification at borders -> [iom-reviewer@iom.int]",
          reference + " is now in review — Joint training on victim identification at borders -> [unodc-reviewer@unodc.org]",
          reference + ": Review proposal — Joint training on victim identification at borders -> [unodc-reviewer@unodc.org]",
          reference + ": Review proposal — Joint training on victim identification at borders -> [iom-reviewer@iom.int]");
      // one message per recipient and no more: nothing was sent twice
      assertThat(mailServer.getReceivedMessages()).hasSize(5);
    } finally {
      mailServer.stop();
    }
  }

  private ConfigurableApplicationContext start() {
    // as command-line arguments, which take precedence over config/application.yml
    return new SpringApplicationBuilder(JointActivitiesApplication.class).run(
        "--spring.datasource.url=" + database,
        "--server.port=0",
        // an engine name of its own: closing this context must not unregister the shared test context's engine
        "--camunda.bpm.process-engine-name=restart-test",
        "--camunda.bpm.job-execution.enabled=false",
        "--joint-activities.notifications.delivery.senders=0",
        "--joint-activities.mail-sink.enabled=false",
        "--spring.mail.port=" + SMTP_PORT,
        "--joint-activities.notifications.reminder-scan-interval=P1D",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.context=OFF");
  }

  private static long pending(ConfigurableApplicationContext context, String reference) {
    return context.getBean(NotificationRepository.class).findByActivityReferenceOrderByIdAsc(reference).stream()
        .filter(notification -> notification.getSentAt() == null).count();
  }

  /** The server files one copy per recipient; copies share the Message-ID. */
  private static List<MimeMessage> uniqueMessages(GreenMail server) {
    return Arrays.stream(server.getReceivedMessages())
        .collect(Collectors.toMap(NotificationRestartTest::messageId, m -> m, (a, b) -> a, LinkedHashMap::new))
        .values().stream().toList();
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Object::toString).sorted().toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
