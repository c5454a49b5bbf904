package org.jointactivities.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.document.TestFiles;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Multipart;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An answer's documents, under the answer's need-to-know: attached by the providing agency while it
 * prepares the answer, read by whoever may read the answer once released, by nobody else by any of
 * their paths, never attached after the answer is prepared, purged with the answer.
 */
@JointActivitiesTest
class AnswerDocumentsOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired InformationRequests requests;
  @Autowired AnswerRetention retention;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theAnswersDocumentsFollowItsNeedToKnowFromPreparationToPurge() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    Exchanges exchanges = new Exchanges(scenario, forms, repository, tasks);
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.migrantData(InformationExchangeProcessTest.TODAY));
    String reference = exchange.getBusinessKey();
    byte[] annex = TestFiles.pdf("case files, anonymised");

    // nothing to attach to before the request is accepted
    assertThat(attach("unodc-officer", reference, annex).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);

    // the Prepare answer task attaches to the answer, its other readers not
    String prepare = exchanges.task(exchange, "Task_PrepareAnswer").getId();
    JsonNode inTask = as("unodc-officer").getForObject("/api/exchange-tasks/" + prepare + "/documents", JsonNode.class);
    assertThat(inTask.get("attachTo").asText()).isEqualTo("answer");
    assertThat(inTask.get("documentsPath").asText()).isEqualTo("/exchanges/" + reference);
    ResponseEntity<JsonNode> attached = attach("unodc-officer", reference, annex);
    assertThat(attached.getStatusCode()).as(String.valueOf(attached.getBody())).isEqualTo(HttpStatus.CREATED);
    long documentId = attached.getBody().get("id").asLong();
    assertThat(attached.getBody().get("attachedTo").asText()).isEqualTo("answer");
    assertThat(attached.getBody().get("deletable").asBoolean()).isFalse();
    // the requester's side may not attach to the other agency's answer, nor is a file without its title kept
    assertThat(attach("iom-officer", reference, annex).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> untitled = as("unodc-officer").postForEntity("/api/exchanges/" + reference + "/documents",
        Multipart.upload("annex.pdf", annex, Map.of("type", "ANNEX")), JsonNode.class);
    assertThat(untitled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(untitled.getBody().get("detail").asText()).contains("Title: is required");
    ResponseEntity<JsonNode> elsewhere = as("unodc-officer").postForEntity("/api/exchanges/" + reference + "/documents",
        Multipart.upload("annex.pdf", annex, Map.of("type", "ANNEX", "title", "Annex", "attachedTo", "activity")), JsonNode.class);
    assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(elsewhere.getBody().get("detail").asText()).contains("Attached to: must be 'answer'");

    exchanges.prepare(exchange, "unodc-officer", "See the annex.", "[\"iom-reviewer\"]");
    // once prepared, nothing more is attached (the clearance clears what it reads)
    assertThat(attach("unodc-officer", reference, annex).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(download("unodc-data-protection", reference, documentId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download("iom-officer", reference, documentId).getStatusCode()).as("not yet released")
        .isEqualTo(HttpStatus.FORBIDDEN);

    exchanges.clearance(exchange, "unodc-data-protection", "CLEAR", null);
    for (String reader : new String[] {"iom-officer", "iom-reviewer", "unodc-officer"}) {
      ResponseEntity<byte[]> read = download(reader, reference, documentId);
      assertThat(read.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(read.getBody()).isEqualTo(annex);
      assertThat(read.getHeaders().getContentDisposition().isAttachment()).isTrue();
    }
    for (String outsider : new String[] {"iom-officer2", "iom-manager", "unodc-manager", "admin"}) {
      assertThat(download(outsider, reference, documentId).getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(as(outsider).getForEntity("/api/exchanges/" + reference + "/documents", String.class).getStatusCode())
          .as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // an answer's document is no activity's: not under any activity's path, nor a public document
    assertThat(as("iom-officer").getForEntity("/api/activities/" + reference + "/documents", String.class)
        .getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(as("iom-reviewer").getForObject("/api/exchanges/" + reference + "/documents", JsonNode.class))
        .singleElement().satisfies(doc -> assertThat(doc.get("title").asText()).isEqualTo("Case files"));

    exchanges.acknowledge(exchange, "iom-officer");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-12-01T09:00:00Z")));
    retention.purgeExpired();
    assertThat(as("iom-officer").getForObject("/api/exchanges/" + reference + "/documents", JsonNode.class)).isEmpty();
    assertThat(download("iom-officer", reference, documentId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(requests.trail(requests.find(reference).orElseThrow().getId())).last()
        .satisfies(line -> assertThat(line.getComment()).endsWith("; 1 document(s) removed"));
  }

  private ResponseEntity<JsonNode> attach(String user, String reference, byte[] content) {
    return as(user).postForEntity("/api/exchanges/" + reference + "/documents",
        Multipart.upload("case-files.pdf", content, Map.of("type", "ANNEX", "title", "Case files")), JsonNode.class);
  }

  private ResponseEntity<byte[]> download(String user, String reference, long documentId) {
    return as(user).getForEntity("/api/exchanges/" + reference + "/documents/" + documentId + "/versions/1/content",
        byte[].class);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }
}
