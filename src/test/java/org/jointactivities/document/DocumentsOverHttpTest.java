package org.jointactivities.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Multipart;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Documents over HTTP as the agencies' people use them: attach, add a version, list, download
 * (logged), delete; refused for outsiders, and every bad file refused with its field and rule,
 * nothing of it stored.
 */
@JointActivitiesTest
class DocumentsOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anOfficerAttachesAConceptNoteTheOtherAgencysReviewerOpensItAndVersionsAreKept() throws Exception {
    ProcessInstance proposal = scenario.submitValid();
    String reference = proposal.getBusinessKey();
    byte[] first = TestFiles.pdf("concept note, first draft");

    ResponseEntity<JsonNode> attached = attach("unodc-officer", reference, "concept-note.pdf", first, "CONCEPT_NOTE", "Concept note");
    assertThat(attached.getStatusCode()).as(String.valueOf(attached.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode document = attached.getBody();
    assertThat(document.get("typeLabel").asText()).isEqualTo("Concept note");
    assertThat(document.get("createdByName").asText()).isEqualTo("UNODC Programme Officer");
    assertThat(document.at("/versions/0/number").asInt()).isEqualTo(1);
    assertThat(document.at("/versions/0/contentType").asText()).isEqualTo("application/pdf");
    assertThat(document.at("/versions/0/size").asLong()).isEqualTo(first.length);
    assertThat(document.at("/versions/0/sha256").asText()).isEqualTo(sha256(first));
    long id = document.get("id").asLong();

    byte[] second = TestFiles.pdf("concept note, with the border posts");
    ResponseEntity<JsonNode> versioned = upload("iom-officer", "/api/activities/" + reference + "/documents/" + id + "/versions",
        "note-conceptuelle-révisée.pdf", second, null, null);
    assertThat(versioned.getStatusCode()).as(String.valueOf(versioned.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(versioned.getBody().get("versions")).hasSize(2);

    JsonNode listed = as("iom-reviewer").getForObject("/api/activities/" + reference + "/documents", JsonNode.class);
    assertThat(listed).hasSize(1);
    assertThat(listed.at("/0/versions/1/uploadedByName").asText()).isEqualTo("IOM Programme Officer");
    // each version as it was uploaded: a new version never overwrites
    for (int number : new int[] {1, 2}) {
      ResponseEntity<byte[]> download = as("iom-reviewer").getForEntity(
          "/api/activities/" + reference + "/documents/" + id + "/versions/" + number + "/content", byte[].class);
      assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(download.getBody()).isEqualTo(number == 1 ? first : second);
      assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
      assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
      assertThat(download.getHeaders().getContentDisposition().getFilename())
          .isEqualTo(number == 1 ? "concept-note.pdf" : "note-conceptuelle-révisée.pdf");
      assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    // a plain name stays plain for every client; another is given encoded as RFC 6266 says
    assertThat(as("iom-reviewer").getForEntity("/api/activities/" + reference + "/documents/" + id + "/versions/1/content",
        byte[].class).getHeaders().getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"concept-note.pdf\"");
    assertThat(jdbc.queryForList("select d.downloaded_by from document_download d join document_version v on v.id = d.version_id"
        + " where v.document_id = ?", String.class, id)).containsExactly("iom-reviewer", "iom-reviewer", "iom-reviewer");
  }

  @Test
  void theTypeComesFromTheContentNotTheName() {
    String reference = scenario.submitValid().getBusinessKey();
    ResponseEntity<JsonNode> word = attach("unodc-officer", reference, "budget.pdf", TestFiles.docx(), "BUDGET", "Budget");
    assertThat(word.getStatusCode()).as(String.valueOf(word.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(word.getBody().at("/versions/0/contentType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(word.getBody().at("/versions/0/kind").asText()).isEqualTo("Word");
  }

  @Test
  void outsidersNeitherListNorAttachNorDownload() {
    String reference = scenario.submitValid().getBusinessKey();
    long id = attach("unodc-officer", reference, "annex.pdf", TestFiles.pdf("annex"), "ANNEX", "Annex").getBody().get("id").asLong();
    scenario.person("outsider-documents");
    assertThat(as("outsider-documents").getForEntity("/api/activities/" + reference + "/documents", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("outsider-documents").getForEntity("/api/activities/" + reference + "/documents/" + id + "/versions/1/content",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(attach("outsider-documents", reference, "x.pdf", TestFiles.pdf("x"), "OTHER", "X").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/activities/" + reference + "/documents", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badFilesAreRefusedByTheirFieldAndRuleAndNothingIsStored() {
    String reference = scenario.submitValid().getBusinessKey();
    int documents = count("document");
    int chunks = count("document_chunk");

    assertRefused(attach("unodc-officer", reference, "empty.pdf", new byte[0], "ANNEX", "Empty"), 400, "File: is empty");
    assertRefused(attach("unodc-officer", reference, "budget.pdf", TestFiles.program(), "BUDGET", "Budget"), 400,
        "File: is of type application/x-elf by its content, not a kind a document may be: PDF, Word, Excel");
    assertRefused(attach("unodc-officer", reference, "../../etc/passwd.pdf", TestFiles.pdf("p"), "ANNEX", "Annex"), 400,
        "File name: must be a plain file name, without folders");
    assertRefused(attach("unodc-officer", reference, "annex\t.pdf", TestFiles.pdf("p"), "ANNEX", "Annex"), 400,
        "File name: must not contain control characters");
    assertRefused(attach("unodc-officer", reference, "concept.docx", TestFiles.docxBomb(300), "CONCEPT_NOTE", "Concept"), 400,
        "File: expands to more than 250 MB when opened");
    assertRefused(attach("unodc-officer", reference, "large.pdf", new byte[25 * 1024 * 1024 + 1], "ANNEX", "Large"), 413,
        "File: is larger than 25 MB, the most a document may be");
    assertRefused(attach("unodc-officer", reference, "a.pdf", TestFiles.pdf("a"), null, "Annex"), 400, "Type: is required");
    assertRefused(attach("unodc-officer", reference, "a.pdf", TestFiles.pdf("a"), "SIGNED_AGREEMENT", "Agreement"), 400,
        "Type: a signed agreement is produced by the application");
    assertRefused(attach("unodc-officer", reference, "a.pdf", TestFiles.pdf("a"), "ANNEX", " "), 400, "Title: is required");
    assertRefused(upload("unodc-officer", "/api/activities/" + reference + "/documents", "a.pdf", TestFiles.pdf("a"), "ANNEX",
        "progress-report-9"), 400, "Attached to: " + reference + " has no progress report 9");

    assertThat(count("document")).isEqualTo(documents);
    assertThat(count("document_chunk")).isEqualTo(chunks);
  }

  @Test
  void aDocumentOfASignedVersionIsKeptForGoodOthersOnlyByWhoAttachedIt() {
    ProcessInstance proposal = scenario.submitValid();
    String reference = proposal.getBusinessKey();
    long draft = attach("unodc-officer", reference, "draft.pdf", TestFiles.pdf("draft"), "OTHER", "Draft").getBody().get("id").asLong();
    long budget = attach("unodc-officer", reference, "budget.pdf", TestFiles.pdf("budget"), "BUDGET", "Budget").getBody().get("id").asLong();

    ResponseEntity<JsonNode> byAnother = as("iom-officer").exchange("/api/activities/" + reference + "/documents/" + draft,
        HttpMethod.DELETE, null, JsonNode.class);
    assertRefused(byAnother, 403, "Only UNODC Programme Officer, who attached it, or an administrator may delete");
    assertThat(as("unodc-officer").exchange("/api/activities/" + reference + "/documents/" + draft, HttpMethod.DELETE, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");
    JsonNode listed = as("unodc-officer").getForObject("/api/activities/" + reference + "/documents", JsonNode.class);
    // the budget, and the signed agreement the signatures produced
    assertThat(listed).hasSize(2);
    assertThat(listed.at("/0/id").asLong()).isEqualTo(budget);
    assertThat(listed.at("/0/versions/0/signedIn").asText()).isEqualTo("proposal");
    assertThat(listed.at("/0/deletable").asBoolean()).isFalse();
    assertThat(listed.at("/1/type").asText()).isEqualTo("SIGNED_AGREEMENT");
    assertRefused(as("unodc-officer").exchange("/api/activities/" + reference + "/documents/" + budget, HttpMethod.DELETE, null,
        JsonNode.class), 409, "is part of a signed version of " + reference + " and cannot be deleted");
  }

  @Test
  void aProgressReportTaskAttachesEvidenceToThatPeriodsReport() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    try {
      ProcessInstance activity = scenario.signedActivity(Proposals.valid());
      String reference = activity.getBusinessKey();
      scenario.at("2027-04-02T00:00:00Z"); // the first quarter is over: its report is due
      String task = scenario.task(activity, "Task_SubmitProgressReport", null).getId();
      JsonNode ofTask = as("unodc-officer").getForObject("/api/tasks/" + task + "/documents", JsonNode.class);
      assertThat(ofTask.get("attachTo").asText()).isEqualTo("progress-report-1");
      JsonNode parts = as("unodc-officer").getForObject("/api/activities/" + reference + "/attachment-choices", JsonNode.class)
          .get("parts");
      assertThat(parts.findValuesAsText("label")).containsExactly("The activity " + reference, "Progress report 1");

      ResponseEntity<JsonNode> evidence = upload("unodc-officer", "/api/activities/" + reference + "/documents",
          "attendance.csv", "name,post\nA. Diallo,Beitbridge\n".getBytes(StandardCharsets.UTF_8), "REPORT_EVIDENCE",
          "Attendance lists", ofTask.get("attachTo").asText());
      assertThat(evidence.getStatusCode()).as(String.valueOf(evidence.getBody())).isEqualTo(HttpStatus.CREATED);
      assertThat(evidence.getBody().get("attachedTo").asText()).isEqualTo("progress-report-1");
      assertThat(evidence.getBody().at("/versions/0/contentType").asText()).isEqualTo("text/csv");
    } finally {
      ClockUtil.reset();
    }
  }

  private void assertRefused(ResponseEntity<JsonNode> response, int status, String detail) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getBody().get("detail").asText()).contains(detail);
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private ResponseEntity<JsonNode> attach(String user, String reference, String fileName, byte[] content, String type, String title) {
    return upload(user, "/api/activities/" + reference + "/documents", fileName, content, type, title == null ? null : title, null);
  }

  private ResponseEntity<JsonNode> upload(String user, String path, String fileName, byte[] content, String type, String attachedTo) {
    return upload(user, path, fileName, content, type, "Annex", attachedTo);
  }

  private ResponseEntity<JsonNode> upload(String user, String path, String fileName, byte[] content, String type, String title,
      String attachedTo) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (type != null) {
      fields.put("type", type);
    }
    if (title != null) {
      fields.put("title", title);
    }
    if (attachedTo != null) {
      fields.put("attachedTo", attachedTo);
    }
    return as(user).postForEntity(path, Multipart.upload(fileName, content, fields), JsonNode.class);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
