package org.jointactivities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.amendment.AmendmentRepository;
import org.jointactivities.signoff.SignatureRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** The managers' API against 50 generated activities with known figures (PortfolioDataSet), on a database of their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-portfolio-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "joint-activities.notifications.delivery.senders=0",
    "camunda.bpm.process-engine-name=portfolio-test",
    "joint-activities.mail-sink.port=0",
    "joint-activities.notifications.reminder-scan-interval=P1D",
    "logging.level.root=WARN",
    "logging.level.org.camunda.bpm.engine.context=OFF"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureObservability
class PortfolioTest {

  @Autowired TestRestTemplate http;
  @Autowired ActivityRegistry registry;
  @Autowired SignatureRepository signatures;
  @Autowired AmendmentRepository amendments;
  @Autowired TransactionTemplate transaction;
  @Autowired IdentityService identity;

  @BeforeAll
  void fiftyActivities() {
    PortfolioDataSet.create(registry, signatures, amendments, transaction);
    if (identity.createUserQuery().userId("outsider-portfolio").count() == 0) {
      User outsider = identity.newUser("outsider-portfolio");
      outsider.setPassword("demo");
      identity.saveUser(outsider);
    }
  }

  @Test
  void theFiguresAddUp() {
    JsonNode figures = get("unodc-manager", "/api/portfolio");

    assertThat(figures.get("activities").asInt()).isEqualTo(50);
    for (String state : new String[] {"IN_REVIEW", "AWAITING_SIGNATURE", "SIGNED", "REJECTED", "WITHDRAWN"}) {
      assertThat(figures.at("/byState/" + state).asInt()).as(state).isEqualTo(10);
    }
    // both agencies are party to every activity
    assertThat(figures.at("/byAgency/UNODC").asInt()).isEqualTo(50);
    assertThat(figures.at("/byAgency/IOM").asInt()).isEqualTo(50);
    assertThat(figures.at("/byTheme/TRAFFICKING_IN_PERSONS").asInt()).isEqualTo(17);
    assertThat(figures.at("/byTheme/SMUGGLING_OF_MIGRANTS").asInt()).isEqualTo(17);
    assertThat(figures.at("/byTheme/BORDER_MANAGEMENT").asInt()).isEqualTo(16);
    assertThat(figures.at("/byCountry/CO").asInt()).isEqualTo(10);

    // signed: i = 2, 7, …, 47; each agency from submission to its own signature, amendments not counted
    // UNODC after i%11+1 days: 3 8 2 7 1 6 11 5 10 4 → median 5.5, slowest 11 (i = 32)
    JsonNode unodc = figures.at("/submissionToSignature/UNODC");
    assertThat(unodc.get("signed").asInt()).isEqualTo(10);
    assertThat(unodc.get("medianDays").asDouble()).isEqualTo(5.5);
    assertThat(unodc.get("slowestDays").asDouble()).isEqualTo(11.0);
    // IOM after i%7+1 days: 3 1 6 4 2 7 5 3 1 6 → median 3.5, slowest 7 (i = 27)
    JsonNode iom = figures.at("/submissionToSignature/IOM");
    assertThat(iom.get("signed").asInt()).isEqualTo(10);
    assertThat(iom.get("medianDays").asDouble()).isEqualTo(3.5);
    assertThat(iom.get("slowestDays").asDouble()).isEqualTo(7.0);

    BigDecimal unodcBudget = IntStream.range(0, 50).mapToObj(i -> PortfolioDataSet.budgetUsd(i)
            .multiply(new BigDecimal(PortfolioDataSet.lead(i).equals("UNODC") ? "0.6" : "0.4")))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(figures.at("/budgetUsdByAgency/UNODC").decimalValue()).isEqualByComparingTo(unodcBudget);
    BigDecimal borderBudget = IntStream.range(0, 50).filter(i -> i % 3 == 2).mapToObj(PortfolioDataSet::budgetUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(figures.at("/budgetUsdByTheme/BORDER_MANAGEMENT").decimalValue()).isEqualByComparingTo(borderBudget);
  }

  @Test
  void eachAgencysSlowestSignatureIsNamed() {
    JsonNode figures = get("iom-manager", "/api/portfolio");
    assertThat(titleOf(figures.at("/submissionToSignature/IOM/slowestReference").asText()))
        .isEqualTo("Portfolio activity 27");
    assertThat(titleOf(figures.at("/submissionToSignature/UNODC/slowestReference").asText()))
        .isEqualTo("Portfolio activity 32");
  }

  private String titleOf(String reference) {
    return get("iom-manager", "/api/activities/" + reference).at("/activity/title").asText();
  }

  @Test
  void searchFiltersCombine() {
    assertThat(total("/api/activities?state=SIGNED")).isEqualTo(10);
    assertThat(total("/api/activities?agency=IOM")).isEqualTo(50);
    assertThat(total("/api/activities?theme=" + ThematicArea.BORDER_MANAGEMENT)).isEqualTo(16);
    assertThat(total("/api/activities?country=KZ")).isEqualTo(10);
    // planned periods overlapping 2030: activities 25 to 47
    assertThat(total("/api/activities?from=2030-01-01&to=2030-12-31")).isEqualTo(23);
    assertThat(total("/api/activities?state=WITHDRAWN&country=NG")).isEqualTo(10);
    assertThat(total("/api/activities?state=WITHDRAWN&country=ZA")).isZero();
  }

  @Test
  void pagesAndSortingByBudgetInUsd() {
    JsonNode first = get("unodc-manager", "/api/activities?size=20&sort=totalBudget,desc");
    assertThat(first.get("totalPages").asInt()).isEqualTo(3);
    assertThat(first.get("content")).hasSize(20);
    // 43's 1 760 000 000 COP is the largest number but worth 440 000 USD: seventh, not first
    assertThat(titles(first).subList(0, 8)).containsExactly("Portfolio activity 49", "Portfolio activity 48",
        "Portfolio activity 47", "Portfolio activity 46", "Portfolio activity 45", "Portfolio activity 44",
        "Portfolio activity 43", "Portfolio activity 42");
    assertThat(first.at("/content/0/totalBudget").decimalValue()).isEqualByComparingTo("500000");
    assertThat(first.at("/content/6/currency").asText()).isEqualTo("COP");
    JsonNode last = get("unodc-manager", "/api/activities?size=20&page=2&sort=totalBudget,desc");
    assertThat(last.get("content")).hasSize(10);
    assertThat(last.at("/content/9/totalBudget").decimalValue()).isEqualByComparingTo("10000");
    // ascending, 3's 160 000 000 COP (40 000 USD) comes after 2 and before 4
    assertThat(titles(get("unodc-manager", "/api/activities?size=5&sort=totalBudget,asc"))).containsExactly(
        "=SUM(A1:A9) training", "Portfolio activity 1", "Portfolio activity 2", "Portfolio activity 3",
        "Portfolio activity 4");
  }

  @Test
  void activitiesNotYetSignedComeLastInBothDirections() {
    // signed (i%5 = 2) on day i + the later agency's days: 2→5, 7→15, 12→18, 17→24, 22→24, 27→34,
    // 37→42, 32→43, 42→52, 47→53; equal days go by reference
    JsonNode ascending = get("unodc-manager", "/api/activities?size=20&sort=signedAt,asc");
    assertThat(titles(ascending).subList(0, 10)).containsExactly("Portfolio activity 2", "Portfolio activity 7",
        "Portfolio activity 12", "Portfolio activity 17", "Portfolio activity 22", "Portfolio activity 27",
        "Portfolio activity 37", "Portfolio activity 32", "Portfolio activity 42", "Portfolio activity 47");
    assertThat(ascending.at("/content/10/signedAt").isNull()).isTrue();
    JsonNode descending = get("unodc-manager", "/api/activities?size=20&sort=signedAt,desc");
    assertThat(titles(descending).subList(0, 10)).containsExactly("Portfolio activity 47", "Portfolio activity 42",
        "Portfolio activity 32", "Portfolio activity 37", "Portfolio activity 27", "Portfolio activity 17",
        "Portfolio activity 22", "Portfolio activity 12", "Portfolio activity 7", "Portfolio activity 2");
    assertThat(descending.at("/content/10/signedAt").isNull()).isTrue();
    // the last page holds only unsigned activities, whichever the direction
    for (String direction : new String[] {"asc", "desc"}) {
      JsonNode last = get("unodc-manager", "/api/activities?size=20&page=2&sort=signedAt," + direction);
      assertThat(last.get("content")).hasSize(10).allSatisfy(a -> assertThat(a.get("signedAt").isNull()).isTrue());
    }
  }

  private static List<String> titles(JsonNode page) {
    List<String> titles = new ArrayList<>();
    page.get("content").forEach(a -> titles.add(a.get("title").asText()));
    return titles;
  }

  @Test
  void badSearchParametersAreRefusedByName() {
    assertThat(problem("/api/activities?sort=password")).startsWith("Search refused: sort: must be one of [plannedEndDate");
    assertThat(problem("/api/activities?size=500")).isEqualTo("Search refused: size: must be between 1 and 200");
    assertThat(problem("/api/activities?state=OPEN")).startsWith("state: 'OPEN' is not one of DRAFT, IN_REVIEW");
    assertThat(problem("/api/activities?from=yesterday")).startsWith("from: 'yesterday' is not a date written YYYY-MM-DD");
  }

  @Test
  void theCsvQuotesEveryFieldSoThatNoCellRunsAsAFormula() {
    ResponseEntity<byte[]> csv = http.withBasicAuth("unodc-manager", "demo")
        .getForEntity("/api/activities/export.csv?country=ZA", byte[].class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("joint-activities.csv");
    byte[] bytes = csv.getBody();
    // the UTF-8 byte order mark, by which spreadsheets read the file as UTF-8
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String body = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    String[] lines = body.split("\n");
    assertThat(lines).hasSize(11);
    assertThat(lines[0]).startsWith("\"Reference\",\"Title\",\"State\",\"Lead agency\",\"Partner agency\",");
    assertThat(body).contains(",\"'=SUM(A1:A9) training\",\"IN_REVIEW\",\"UNODC\",\"IOM\",\"TRAFFICKING_IN_PERSONS\",\"ZA\",")
        .contains(",\"Training;=1+1\",\"IN_REVIEW\",\"IOM\",\"UNODC\",\"BORDER_MANAGEMENT\",\"ZA\",");
    // Outside the quotes there are only the ',' separators: a ';' in users' text stays inside its
    // field, also where Excel splits at ';', and an empty field (not yet signed) is quoted too.
    for (String line : lines) {
      assertThat(line.replaceAll("\"(?:[^\"]|\"\")*\"", "")).as(line).matches(",{17}");
    }
    // not yet signed, and no documents
    assertThat(lines[1]).endsWith(",\"\",\"0\"");
  }

  @Test
  void theIatiExportHoldsTheSignedActivitiesAndValidates() throws Exception {
    ResponseEntity<byte[]> xml = http.withBasicAuth("iom-manager", "demo")
        .getForEntity("/api/activities/export.iati.xml", byte[].class);
    assertThat(xml.getStatusCode().value()).isEqualTo(200);
    URL main = getClass().getResource("/iati-2.03/iati-activities-schema.xsd");
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.newSchema(new StreamSource(main.openStream(), main.toExternalForm())).newValidator()
        .validate(new StreamSource(new ByteArrayInputStream(xml.getBody())));
    String document = new String(xml.getBody(), StandardCharsets.UTF_8);
    // the ten signed activities; proposals in review, rejected or withdrawn are not published
    assertThat(document.split("<iati-activity ", -1)).hasSize(11);
    assertThat(document).contains("<activity-status code=\"1\"").contains("<recipient-country code=\"CO\"");
    // UNODC's identifier as configured (41114, once configured here, is UNDP's)
    assertThat(document).contains("<reporting-org ref=\"XM-DAC-41128\"").doesNotContain("41114");
    // a year from a month's first each, as 1 Original by calendar year: two, one for 12 (from January);
    // 47, amended to end six months later, also as 2 Revised, now into a third year
    assertThat(document.split("<budget type=\"1\"", -1)).hasSize(20);
    assertThat(document.split("<budget type=\"2\"", -1)).hasSize(4);
    assertThat(http.withBasicAuth("iom-manager", "demo")
        .getForEntity("/api/activities/export.iati.xml?state=REJECTED", String.class).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void eachUserSeesOnlyTheirAgenciesActivities() {
    assertThat(total("/api/activities")).isEqualTo(50);
    assertThat(get("admin", "/api/activities").get("totalElements").asInt()).isEqualTo(50);
    assertThat(get("outsider-portfolio", "/api/activities").get("totalElements").asInt()).isZero();
    assertThat(get("outsider-portfolio", "/api/portfolio").get("activities").asInt()).isZero();
  }

  @Test
  void operationsMetricsAndTheApiDescriptionAreServed() {
    String prometheus = http.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
    assertThat(prometheus).contains("ja_activities{state=\"SIGNED\"} 10.0")
        .contains("ja_tasks_overdue").contains("ja_notifications_pending");
    String openApi = http.withBasicAuth("unodc-manager", "demo").getForObject("/v3/api-docs", String.class);
    assertThat(openApi).contains("\"/api/activities\"", "\"/api/portfolio\"", "\"/api/activities/export.csv\"");
  }

  private long total(String path) {
    return get("unodc-manager", path).get("totalElements").asLong();
  }

  private String problem(String path) {
    ResponseEntity<JsonNode> response = http.withBasicAuth("unodc-manager", "demo").getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
    return response.getBody().get("detail").asText();
  }

  private JsonNode get(String user, String path) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
    return response.getBody();
  }
}
