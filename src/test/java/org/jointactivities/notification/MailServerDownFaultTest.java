package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jointactivities.JointActivitiesApplication;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The mail server refuses every connection. An operator asks the health endpoint what is wrong:
 * the node answers 200 and stays ready (it still serves everyone), the overall status says
 * DEGRADED, and an administrator reads on {@code mailDelivery} how many mails wait and the last
 * error. Anonymous callers (the load balancer) get the status only, no components or details.
 */
class MailServerDownFaultTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private ConfigurableApplicationContext application;

  @BeforeEach
  void aMailServerThatRefusesConnections() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // nothing listens there once closed
    }
    application = new SpringApplicationBuilder(JointActivitiesApplication.class).run(
        "--spring.datasource.url=jdbc:h2:mem:ja-mail-down-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=maildown",
        "--joint-activities.mail-sink.enabled=false",
        "--spring.mail.port=" + closedPort,
        "--logging.level.root=WARN");
  }

  @AfterEach
  void stop() {
    application.close();
  }

  @Test
  void healthSaysDegradedAndWhyToAnAdministratorWhileTheNodeStaysReady() throws Exception {
    application.getAutowireCapableBeanFactory().createBean(Scenario.class).submitValid();

    await().atMost(Duration.ofSeconds(30)).until(() -> "DEGRADED".equals(get(null, "/actuator/health").path("status").asText()));

    JsonNode anonymous = get(null, "/actuator/health");
    assertThat(anonymous.has("components")).as("components shown to anonymous callers").isFalse();
    assertThat(status(null, "/actuator/health/mailDelivery")).as("a component's page for anonymous callers").isEqualTo(404);
    assertThat(get(null, "/actuator/health/readiness").path("status").asText()).isEqualTo("UP");

    JsonNode mail = get("admin", "/actuator/health/mailDelivery");
    assertThat(mail.path("status").asText()).isEqualTo("DEGRADED");
    assertThat(mail.at("/details/pending").asLong()).isPositive();
    assertThat(mail.at("/details/lastError").asText()).isNotBlank();
    assertThat(get("admin", "/actuator/health").at("/components/db/status").asText()).isEqualTo("UP");

    assertThat(get("unodc-officer", "/actuator/health").has("components"))
        .as("components shown to a user who is no administrator").isFalse();
  }

  private JsonNode get(String user, String path) throws Exception {
    HttpResponse<String> answer = http.send(request(user, path), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private int status(String user, String path) throws Exception {
    return http.send(request(user, path), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest request(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
        + application.getEnvironment().getProperty("local.server.port") + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return request.GET().build();
  }
}
