package org.jointactivities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.amendment.AmendmentRepository;
import org.jointactivities.signoff.SignatureRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The managers' lists cost the same number of statements whatever the number of activities: the
 * search's page, the portfolio figures, the CSV and the IATI export, measured at 50 activities and
 * again at 150 (Hibernate's statistics count every statement the registry sends).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-portfolio-statements-${random.uuid};DB_CLOSE_DELAY=-1",
    "spring.jpa.properties.hibernate.generate_statistics=true",
    "camunda.bpm.job-execution.enabled=false",
    "joint-activities.notifications.delivery.senders=0",
    "camunda.bpm.process-engine-name=portfolio-statements-test",
    "joint-activities.mail-sink.port=0",
    "joint-activities.notifications.reminder-scan-interval=P1D",
    "logging.level.root=WARN",
    "logging.level.org.camunda.bpm.engine.context=OFF",
    "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=OFF"
})
class PortfolioStatementCountTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> CALLS = List.of("/api/activities?size=20&sort=totalBudget,desc", "/api/portfolio",
      "/api/activities/export.csv", "/api/activities/export.iati.xml");

  @Autowired TestRestTemplate http;
  @Autowired ActivityRegistry registry;
  @Autowired SignatureRepository signatures;
  @Autowired AmendmentRepository amendments;
  @Autowired TransactionTemplate transaction;
  @Autowired EntityManagerFactory entities;

  @Test
  void listsDoNotCostMoreStatementsAsActivitiesGrow() {
    PortfolioDataSet.create(registry, signatures, amendments, transaction, 0, 50);
    Map<String, Long> atFifty = statementsOfEachCall(50);

    PortfolioDataSet.create(registry, signatures, amendments, transaction, 50, 150);
    Map<String, Long> atOneHundredFifty = statementsOfEachCall(150);

    assertThat(atOneHundredFifty).isEqualTo(atFifty);
    // before batch fetching and SQL aggregates a list cost five statements per activity
    atFifty.forEach((call, statements) -> assertThat(statements).as(call).isLessThan(20));
  }

  private Map<String, Long> statementsOfEachCall(int activities) {
    Statistics statistics = entities.unwrap(SessionFactory.class).getStatistics();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String call : CALLS) {
      statistics.clear();
      ResponseEntity<byte[]> answer = http.withBasicAuth("unodc-manager", "demo").getForEntity(call, byte[].class);
      counts.put(call, statistics.getPrepareStatementCount());
      assertThat(answer.getStatusCode()).as(call).isEqualTo(HttpStatus.OK);
      String body = new String(answer.getBody(), StandardCharsets.UTF_8);
      // the calls did cover every activity: the statements are not flat because less was read
      switch (call) {
        case "/api/portfolio" -> assertThat(json(body).get("activities").asInt()).isEqualTo(activities);
        case "/api/activities/export.csv" -> assertThat(body.lines().count()).isEqualTo(activities + 1L);
        case "/api/activities/export.iati.xml" ->
            assertThat(body.split("<iati-activity ", -1).length - 1).isEqualTo(activities / 5);
        default -> assertThat(json(body).get("totalElements").asInt()).isEqualTo(activities);
      }
    }
    return counts;
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
