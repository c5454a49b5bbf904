package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.JointActivitiesApplication;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A mail server that accepts connections and never answers: the application with its real job
 * executor and mail senders carries on — the review join and a due deadline timer run on time while
 * every e-mail waits — and the mails are pending, not lost. (When mails were engine jobs, each attempt
 * held a job-executor thread for the SMTP read timeout, and the join waited behind them.)
 */
class MailServerHangsFaultTest {

  /** Far more than the job executor needs (it polls every 2 s), far less than mails hold threads for. */
  static final Duration ON_TIME = Duration.ofSeconds(15);
  static final int PROPOSALS_QUEUEING_MAIL = 8;

  private ServerSocket silentServer;
  private final List<Socket> heldConnections = new CopyOnWriteArrayList<>();
  private ConfigurableApplicationContext application;

  @BeforeEach
  void aMailServerThatNeverAnswers() throws IOException {
    silentServer = new ServerSocket(0);
    Thread acceptor = new Thread(() -> {
      while (!silentServer.isClosed()) {
        try {
          heldConnections.add(silentServer.accept());
        } catch (IOException closed) {
          return;
        }
      }
    }, "silent-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
    application = new SpringApplicationBuilder(JointActivitiesApplication.class).run(
        "--spring.datasource.url=jdbc:h2:mem:ja-hang-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=hangingsmtp",
        "--joint-activities.mail-sink.enabled=false",
        "--spring.mail.port=" + silentServer.getLocalPort(),
        "--joint-activities.notifications.reminder-scan-interval=P1D",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.context=OFF");
  }

  @AfterEach
  void stop() throws IOException {
    application.close();
    silentServer.close();
    for (Socket connection : heldConnections) {
      connection.close();
    }
    ClockUtil.reset();
  }

  @Test
  void reviewJoinsAndTimersRunOnTimeWhileTheMailServerHangs() {
    Scenario scenario = application.getAutowireCapableBeanFactory().createBean(Scenario.class);
    TaskService tasks = application.getBean(TaskService.class);
    ManagementService management = application.getBean(ManagementService.class);
    NotificationRepository notifications = application.getBean(NotificationRepository.class);
    // a backlog of mails, each of which hangs for the SMTP timeout
    IntStream.range(0, PROPOSALS_QUEUEING_MAIL).forEach(i -> scenario.submitValid());
    ProcessInstance proposal = scenario.submitValid();
    await().atMost(ON_TIME).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey())
        .taskDefinitionKey("Task_ReviewSubject").count() == 2);

    scenario.complete("unodc-reviewer", scenario.task(proposal, "Task_ReviewProposal", "UNODC"), Map.of("reviewDecision", "APPROVE"));
    scenario.complete("iom-reviewer", scenario.task(proposal, "Task_ReviewProposal", "IOM"), Map.of("reviewDecision", "APPROVE"));
    long joined = System.nanoTime();
    await().atMost(ON_TIME).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey())
        .taskDefinitionKey("Task_SignActivity").count() == 2);
    Duration toSignature = Duration.ofNanos(System.nanoTime() - joined);

    // the signature deadline comes due now: its timer fires on time too
    Job deadline = management.createJobQuery().processInstanceId(signOffOf(application, proposal)).timers().list().get(0);
    management.setJobDuedate(deadline.getId(), ClockUtil.getCurrentTime());
    await().atMost(ON_TIME).until(() -> management.createJobQuery().jobId(deadline.getId()).count() == 0);

    assertThat(toSignature).as("from the second review to the signature tasks").isLessThan(ON_TIME);
    assertThat(heldConnections).as("mail attempts hanging at the server").isNotEmpty();
    assertThat(notifications.findByActivityReferenceOrderByIdAsc(proposal.getBusinessKey()))
        .as("the proposal's mails: recorded, none sent, none lost").isNotEmpty()
        .allSatisfy(n -> assertThat(n.getSentAt()).isNull());
  }

  private static String signOffOf(ConfigurableApplicationContext application, ProcessInstance proposal) {
    return application.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processDefinitionKey("DualAgencySignOff").processInstanceBusinessKey(proposal.getBusinessKey()).singleResult()
        .getId();
  }
}
