package org.jointactivities.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jointactivities.notification.MailDelivery;
import org.jointactivities.support.ApplicationProcess;
import org.jointactivities.support.LifecycleLoad;
import org.jointactivities.support.LoadBalancer;
import org.jointactivities.support.PostgresDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL behind HAProxy (config/cluster/haproxy.cfg), started together on an
 * empty database, one of them killed with SIGKILL under load: the balancer stops sending to it, the
 * other carries on, the jobs the dead node had locked run on the other once their lock expires,
 * nothing acknowledged is lost or doubled, every mail goes out (twice only if the dead node was
 * sending it at that moment), and a user whose session was on the dead node logs in again.
 */
@EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class NodeKillFaultTest {

  static final Duration LOAD = Duration.ofSeconds(8);
  /** The balancer checks every second and takes a node out after two failed checks. */
  static final Duration FAILOVER = Duration.ofSeconds(5);
  /** config/application.yml's job lock time, and room for the survivor to run what was locked. */
  static final Duration JOBS_RESUME = Duration.ofSeconds(60 + 60);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path folder;

  @Test
  void theOtherNodeCarriesOnWhenOneIsKilledUnderLoad() throws Exception {
    int smtpPort = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    String database = PostgresDatabases.create("ja_cluster");
    String[] arguments = {"--spring.datasource.url=" + database, "--spring.datasource.username=" + PostgresDatabases.user(),
        "--spring.datasource.password=" + PostgresDatabases.password(), "--joint-activities.mail-sink.enabled=false",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort};
    ExecutorService starting = Executors.newFixedThreadPool(2);
    Future<ApplicationProcess> first = starting.submit(() -> ApplicationProcess.start(folder.resolve("node1.log"), arguments));
    Future<ApplicationProcess> second = starting.submit(() -> ApplicationProcess.start(folder.resolve("node2.log"), arguments));
    starting.shutdown();
    try (AutoCloseable mailServer = smtp::stop; ApplicationProcess node1 = first.get(); ApplicationProcess node2 = second.get();
        LoadBalancer balancer = LoadBalancer.start(node1.baseUrl(), node2.baseUrl(), folder.resolve("haproxy.log"))) {
      assertThat(rows(database, "select name_ from act_re_deployment group by name_ having count(*) > 1"))
          .as("deployments made twice by nodes starting together").isEmpty();
      assertThat(rows(database, "select key_ from act_re_procdef group by key_ having count(*) > 1"))
          .as("process definitions deployed twice").isEmpty();
      assertThat(rows(database, "select name_ from act_ru_filter group by name_ having count(*) > 1"))
          .as("Tasklist filters made twice by nodes starting together").isEmpty();

      // a reviewer in Tasklist, whose session lives on one node: that node is the one that dies
      Browser reviewer = new Browser(balancer.baseUrl());
      assertThat(reviewer.login("unodc-reviewer")).isEqualTo(200);
      String sessionNode = reviewer.cookie("JA_NODE");
      assertThat(reviewer.tasks()).isEqualTo(200);
      ApplicationProcess victim = "node1".equals(sessionNode) ? node1 : node2;

      LifecycleLoad load = LifecycleLoad.start(balancer.baseUrl(), 4, 4);
      load.runFor(LOAD, 5);
      Instant killed = Instant.now();
      victim.kill();
      Set<String> claimedWhenKilled = new HashSet<>(rows(database,
          "select cast(id as varchar) from notification where sent_at is null and claimed_until > now()"));
      load.runFor(FAILOVER, 0);
      int submittedBeforeFailover = load.submitted().size();
      int decidedBeforeFailover = load.decidedTasks().size();
      load.runFor(LOAD, 0);
      load.stop();

      assertThat(load.failures()).as("failures before the kill").filteredOn(failure -> failure.at().isBefore(killed)).isEmpty();
      assertThat(load.failures()).as("failures once the balancer had taken the dead node out")
          .filteredOn(failure -> failure.at().isAfter(killed.plus(FAILOVER))).isEmpty();
      assertThat(load.submitted().size()).as("submissions acknowledged by the surviving node").isGreaterThan(submittedBeforeFailover);
      assertThat(load.decidedTasks().size()).as("review decisions acknowledged by the surviving node")
          .isGreaterThan(decidedBeforeFailover);

      // the reviewer's session died with its node: they are asked to log in again, and go on on the other
      assertThat(reviewer.tasks()).isEqualTo(401);
      assertThat(reviewer.login("unodc-reviewer")).isEqualTo(200);
      assertThat(reviewer.cookie("JA_NODE")).isNotEqualTo(sessionNode);
      assertThat(reviewer.tasks()).isEqualTo(200);

      // what the dead node had locked runs on the other once the lock expires; nothing fails
      await().atMost(JOBS_RESUME).pollInterval(Duration.ofSeconds(2)).until(() -> rows(database,
          "select id_ from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())").isEmpty());
      assertThat(rows(database, "select id_ from act_ru_job where retries_ = 0")).as("jobs that failed for good").isEmpty();
      assertThat(rows(database, "select id_ from act_ru_incident")).as("incidents").isEmpty();
      // the job log has one success per process job that ran to its commit: two would be a job run
      // twice (the history cleanup, no process's job, runs again and again under one id by design)
      List<String> ranTwice = rows(database, "select job_id_ from act_hi_job_log where job_state_ = 2"
          + " and process_instance_id_ is not null group by job_id_ having count(*) > 1");
      int jobsRun = rows(database, "select distinct job_id_ from act_hi_job_log where job_state_ = 2"
          + " and process_instance_id_ is not null").size();

      String survivor = (victim == node1 ? node2 : node1).baseUrl();
      List<String> lost = new ArrayList<>();
      for (String reference : load.submitted()) {
        if (load.get(survivor, "admin", "/api/activities/" + reference).orElseThrow().statusCode() != 200) {
          lost.add(reference);
        }
      }
      List<String> undone = new ArrayList<>();
      for (String task : load.decidedTasks()) {
        if (load.get(survivor, "admin", "/engine-rest/task/" + task).orElseThrow().statusCode() != 404) {
          undone.add(task);
        }
      }
      assertThat(lost).as("acknowledged submissions missing").isEmpty();
      assertThat(undone).as("acknowledged review decisions undone").isEmpty();
      assertThat(rows(database, "select business_key_ from act_hi_procinst where proc_def_key_ = 'JointActivityProposal'"
          + " group by business_key_ having count(*) > 1")).as("proposals started twice under one reference").isEmpty();

      // every mail goes out; one sent twice only if the dead node had it in hand when it died
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> rows(database,
          "select id from notification where sent_at is null and gave_up_at is null").isEmpty());
      Map<String, Long> copies = Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(
          NodeKillFaultTest::notificationOf, Collectors.counting()));
      List<String> sent = rows(database, "select cast(id as varchar) from notification where sent_at is not null");
      Set<String> doubled = copies.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
          .collect(Collectors.toSet());
      System.out.printf("Node killed under load: %d submissions acknowledged, %d present, %d lost; %d review decisions"
              + " acknowledged, %d undone; %d failed answers while the balancer noticed; %d jobs run, %d of them twice;"
              + " %d mails sent, %d of them twice (%d were being sent when the node died)%n",
          load.submitted().size(), load.submitted().size() - lost.size(), lost.size(), load.decidedTasks().size(),
          undone.size(), load.failures().size(), jobsRun, ranTwice.size(), sent.size(), doubled.size(),
          claimedWhenKilled.size());
      assertThat(ranTwice).as("jobs run to their commit twice").isEmpty();
      assertThat(copies.keySet()).as("every notification recorded as sent was received").containsAll(sent);
      assertThat(claimedWhenKilled).as("mails received twice: only those the dead node was sending").containsAll(doubled);
      Map<String, Set<String>> messageIds = Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(
          NodeKillFaultTest::notificationOf, Collectors.mapping(NodeKillFaultTest::messageIdOf, Collectors.toSet())));
      assertThat(doubled).as("a mail sent twice is the same message: one Message-ID, which receivers drop twice")
          .allSatisfy(notification -> assertThat(messageIds.get(notification)).hasSize(1));
    }
  }

  /** A browser's cookies and Tasklist's login, through the balancer. */
  static final class Browser {
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    Browser(String base) {
      this.base = base;
      this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    int login(String user) throws IOException, InterruptedException {
      http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(), HttpResponse.BodyHandlers.discarding());
      return http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Tasklist's list of the reviewer's tasks, as the browser asks for it. */
    int tasks() throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task?maxResults=15"))
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
          .map(HttpCookie::getValue).reduce((older, newer) -> newer).orElse(null);
    }
  }

  private static String notificationOf(MimeMessage message) {
    try {
      return message.getHeader(MailDelivery.NOTIFICATION_HEADER, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageIdOf(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> rows(String database, String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database, PostgresDatabases.user(), PostgresDatabases.password());
        Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
      List<String> rows = new ArrayList<>();
      while (result.next()) {
        rows.add(result.getString(1));
      }
      return rows;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
