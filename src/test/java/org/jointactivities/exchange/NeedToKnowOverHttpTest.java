package org.jointactivities.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.jointactivities.support.WebappLogin;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A confidential answer with personal data, from UNODC to IOM, is read by its named recipients and
 * UNODC's people on the case, by no other route by anybody else of IOM — not our API, not the
 * engine's task forms, variables or history that Tasklist and Cockpit read — and is in the
 * managers' register without its contents.
 */
@JointActivitiesTest
class NeedToKnowOverHttpTest {

  static final String ANSWER = "212 case files of migrants intercepted at Metema, anonymised.";

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  Exchanges exchanges;
  ProcessInstance exchange;

  @BeforeEach
  void aConfidentialAnswerInClearance() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    exchanges = new Exchanges(scenario, forms, repository, tasks);
    exchange = exchanges.request("iom-officer", Exchanges.migrantData(InformationExchangeProcessTest.TODAY));
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);
    exchanges.prepare(exchange, "unodc-officer", ANSWER, "[\"iom-reviewer\"]");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void beforeItsReleaseOnlyTheProvidingAgencysPeopleOnTheCaseReadTheAnswer() {
    assertThat(answer("unodc-officer").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer("unodc-data-protection").getBody().get("answerText").asText()).isEqualTo(ANSWER);
    ResponseEntity<JsonNode> requester = answer("iom-officer");
    assertThat(requester.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(requester.getBody().get("detail").asText()).contains("it has not been released");
    // the clearance task is the data-protection focal point's: its form shows them the answer, a manager who may see the task not
    String clearance = exchanges.task(exchange, "Task_ClearAnswer").getId();
    assertThat(formVariables("unodc-data-protection", clearance)).contains(ANSWER);
    assertThat(formVariables("iom-manager", clearance)).doesNotContain(ANSWER).contains("Smuggled migrants");
    assertThat(formVariables("unodc-manager", clearance)).doesNotContain(ANSWER);
  }

  @Test
  void onceReleasedOnlyItsNamedRecipientsOfTheRequestingAgencyReadIt() {
    exchanges.clearance(exchange, "unodc-data-protection", "CLEAR", null);

    for (String reader : new String[] {"iom-officer", "iom-reviewer", "unodc-officer", "unodc-reviewer", "unodc-data-protection"}) {
      ResponseEntity<JsonNode> read = answer(reader);
      assertThat(read.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(read.getBody().get("answerText").asText()).isEqualTo(ANSWER);
    }
    for (String outsider : new String[] {"iom-officer2", "iom-manager", "iom-data-protection", "unodc-manager", "admin"}) {
      ResponseEntity<JsonNode> refused = answer(outsider);
      assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().toString()).doesNotContain(ANSWER).contains("named recipients only");
    }

    // a recipient other than the requester reads it among the answers released to them; others find nothing
    JsonNode reviewer = http.withBasicAuth("iom-reviewer", "demo").getForObject("/api/exchanges/mine", JsonNode.class);
    assertThat(reviewer.get("answers")).anySatisfy(a -> {
      assertThat(a.get("reference").asText()).isEqualTo(exchange.getBusinessKey());
      assertThat(a.get("answerText").asText()).isEqualTo(ANSWER);
      assertThat(a.get("preparedBy").asText()).isEqualTo("UNODC Programme Officer");
    });
    assertThat(http.withBasicAuth("iom-officer2", "demo").getForObject("/api/exchanges/mine", String.class))
        .doesNotContain(ANSWER).doesNotContain(exchange.getBusinessKey());
    assertThat(http.withBasicAuth("iom-manager", "demo").getForObject("/api/exchanges/mine", String.class))
        .doesNotContain(ANSWER);
    JsonNode requester = http.withBasicAuth("iom-officer", "demo").getForObject("/api/exchanges/mine", JsonNode.class);
    assertThat(requester.get("asked")).anySatisfy(r -> {
      assertThat(r.get("reference").asText()).isEqualTo(exchange.getBusinessKey());
      assertThat(r.get("state").asText()).isEqualTo("ANSWERED");
    });
    assertThat(requester.get("answers").toString()).contains(ANSWER);

    // the acknowledgment's form shows it to the requester, not to their manager who may see the task
    String acknowledgment = exchanges.task(exchange, "Task_AcknowledgeReceipt").getId();
    assertThat(formVariables("iom-officer", acknowledgment)).contains(ANSWER);
    assertThat(formVariables("iom-manager", acknowledgment)).doesNotContain(ANSWER);
    // and the same through the webapps' own engine API, as Tasklist and Cockpit read it in a session
    assertThat(inTasklist("iom-officer", "/task/" + acknowledgment + "/form-variables")).contains(ANSWER);
    assertThat(inTasklist("iom-manager", "/task/" + acknowledgment + "/form-variables")).doesNotContain(ANSWER)
        .contains("Smuggled migrants");
    assertThat(inTasklist("iom-manager", "/process-instance/" + exchange.getId() + "/variables")).doesNotContain(ANSWER);
    assertThat(body("iom-manager", "/engine-rest/task/" + acknowledgment + "/variables")).doesNotContain(ANSWER);
    // nor is it in the process's variables or its history, whoever asks (an administrator may read everything there)
    assertThat(body("iom-manager", "/engine-rest/process-instance/" + exchange.getId() + "/variables")).doesNotContain(ANSWER);
    assertThat(body("admin", "/engine-rest/history/variable-instance?processInstanceId=" + exchange.getId()))
        .doesNotContain(ANSWER);
    assertThat(body("admin", "/engine-rest/history/detail?processInstanceId=" + exchange.getId())).doesNotContain(ANSWER);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(exchange.getId()).list())
        .extracting(HistoricVariableInstance::getName).doesNotContain("answerText", "handlingInstructions", "question");

    exchanges.acknowledge(exchange, "iom-officer");
    assertThat(body("admin", "/engine-rest/history/variable-instance?processInstanceId=" + exchange.getId()))
        .doesNotContain(ANSWER);
  }

  @Test
  void managersReadTheRegisterWithoutTheAnswer() {
    exchanges.clearance(exchange, "unodc-data-protection", "CLEAR", null);
    exchanges.acknowledge(exchange, "iom-officer");

    ResponseEntity<JsonNode> register = http.withBasicAuth("iom-manager", "demo").getForEntity("/api/exchanges?size=200",
        JsonNode.class);
    assertThat(register.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode entry = null;
    for (JsonNode row : register.getBody()) {
      if (row.get("reference").asText().equals(exchange.getBusinessKey())) {
        entry = row;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("requestingAgency").asText()).isEqualTo("IOM");
    assertThat(entry.get("providingAgency").asText()).isEqualTo("UNODC");
    assertThat(entry.get("classification").asText()).isEqualTo("CONFIDENTIAL");
    assertThat(entry.get("personalData").asBoolean()).isTrue();
    assertThat(entry.get("state").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(entry.get("daysToAnswer").asLong()).isZero();
    assertThat(register.getBody().toString()).doesNotContain(ANSWER);

    // narrowed by state and agency; as CSV for a spreadsheet, still without the answer
    assertThat(http.withBasicAuth("iom-manager", "demo").getForObject("/api/exchanges?state=DECLINED&size=200", String.class))
        .doesNotContain(exchange.getBusinessKey());
    assertThat(http.withBasicAuth("unodc-manager", "demo").getForObject("/api/exchanges?state=ACKNOWLEDGED&agency=iom",
        String.class)).contains(exchange.getBusinessKey());
    ResponseEntity<String> csv = http.withBasicAuth("iom-manager", "demo").getForEntity("/api/exchanges/export.csv",
        String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("\ufeff\"Reference\",\"Subject\"")
        .contains("\"" + exchange.getBusinessKey() + "\",\"Smuggled migrants intercepted at Metema\",\"IOM\",\"UNODC\"")
        .contains("\"CONFIDENTIAL\",\"yes\",\"ACKNOWLEDGED\"").doesNotContain(ANSWER);
    ResponseEntity<JsonNode> unknownAgency = http.withBasicAuth("iom-manager", "demo")
        .getForEntity("/api/exchanges?agency=XYZ", JsonNode.class);
    assertThat(unknownAgency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownAgency.getBody().get("detail").asText()).contains("agency: 'XYZ' is not a configured agency");
    assertThat(http.withBasicAuth("iom-manager", "demo").getForEntity("/api/exchanges?state=LOST", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth("iom-officer", "demo").getForEntity("/api/exchanges/export.csv", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> officer = http.withBasicAuth("iom-officer", "demo").getForEntity("/api/exchanges", JsonNode.class);
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("iom-manager", "demo").getForEntity("/api/exchanges?size=0", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/exchanges", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer("iom-officer", "IX-1999-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theTasksOfARequestSayThatDocumentsAndTheDiscussionAreAJointActivitys() {
    String clearance = exchanges.task(exchange, "Task_ClearAnswer").getId();
    ResponseEntity<JsonNode> documents = http.withBasicAuth("unodc-data-protection", "demo")
        .getForEntity("/api/tasks/" + clearance + "/documents", JsonNode.class);
    assertThat(documents.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(documents.getBody().get("detail").asText())
        .isEqualTo("'Clear answer for release' of " + exchange.getBusinessKey()
            + " belongs to no joint activity: documents and the discussion are a joint activity's");
    assertThat(http.withBasicAuth("unodc-data-protection", "demo").getForEntity("/api/tasks/" + clearance + "/discussion",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("unodc-data-protection", "demo").getForEntity("/engine-rest/task/" + clearance + "/comment",
        String.class).getStatusCode().is5xxServerError()).isFalse();
  }

  private ResponseEntity<JsonNode> answer(String user) {
    return answer(user, exchange.getBusinessKey());
  }

  private ResponseEntity<JsonNode> answer(String user, String reference) {
    return http.withBasicAuth(user, "demo").getForEntity("/api/exchanges/" + reference + "/answer", JsonNode.class);
  }

  private String formVariables(String user, String taskId) {
    ResponseEntity<String> read = http.withBasicAuth(user, "demo").getForEntity("/engine-rest/task/" + taskId + "/form-variables",
        String.class);
    assertThat(read.getStatusCode()).as(user + ": " + read.getBody()).isEqualTo(HttpStatus.OK);
    return read.getBody();
  }

  private String inTasklist(String user, String enginePath) {
    String session = WebappLogin.cookies(WebappLogin.login(http, "tasklist", user, "demo"));
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    ResponseEntity<String> read = http.exchange("/camunda/api/engine/engine/default" + enginePath, HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(read.getStatusCode()).as(user + " " + enginePath + ": " + read.getBody()).isEqualTo(HttpStatus.OK);
    return read.getBody();
  }

  private String body(String user, String path) {
    ResponseEntity<String> read = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(read.getStatusCode()).as(user + " " + path + ": " + read.getBody()).isEqualTo(HttpStatus.OK);
    return read.getBody();
  }
}
