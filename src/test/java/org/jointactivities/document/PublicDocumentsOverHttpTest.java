package org.jointactivities.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Multipart;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Public documents for IATI's data users: the newest version of a document marked public opens
 * without a login once the activity is signed, and only under its name; everything else is the same
 * 404. The IATI export links it, and the CSV counts every document of the activity.
 */
@JointActivitiesTest
class PublicDocumentsOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aPublicDocumentOfASignedActivityOpensWithoutLoginUnderItsNameOnly() throws Exception {
    ProcessInstance proposal = scenario.submitValid();
    String reference = proposal.getBusinessKey();
    long concept = attach(reference, "concept-note.pdf", TestFiles.pdf("concept, first"), "CONCEPT_NOTE", true);
    byte[] newest = TestFiles.pdf("concept, as signed");
    assertThat(as("unodc-officer").postForEntity("/api/activities/" + reference + "/documents/" + concept + "/versions",
        Multipart.upload("concept note v2.pdf", newest, Map.of()), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long annex = attach(reference, "annex.pdf", TestFiles.pdf("internal annex"), "ANNEX", false);
    String published = "/public/documents/" + concept + "/concept note v2.pdf";

    // a proposal's papers are the agencies' own until both have signed
    assertNotFound(published);

    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");

    ResponseEntity<byte[]> download = http.getForEntity(published, byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(newest);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeaders().getETag()).isEqualTo("\"" + sha256(newest) + "\"");
    // not in the log of who of the agencies read what
    assertThat(jdbc.queryForObject("select count(*) from document_download d join document_version v on v.id = d.version_id"
        + " where v.document_id = ?", Integer.class, concept)).isZero();

    assertNotFound("/public/documents/" + concept + "/concept-note.pdf"); // an older version
    assertNotFound("/public/documents/" + concept + "/other.pdf");
    assertNotFound("/public/documents/" + annex + "/annex.pdf"); // not public
    assertNotFound("/public/documents/999999999/annex.pdf");
    assertNotFound("/public/documents/not-a-number/annex.pdf");
    assertNotFound("/public/documents/99999999999999999999999/annex.pdf");
    // nothing else became public
    assertThat(http.getForEntity("/api/activities/" + reference + "/documents", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/activities/" + reference + "/documents/" + annex + "/versions/1/content", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    String iati = as("unodc-manager").getForObject("/api/activities/export.iati.xml", String.class);
    assertThat(iati).contains("<document-link url=\"http://localhost:8080/public/documents/" + concept
            + "/concept%20note%20v2.pdf\" format=\"application/pdf\"><title><narrative>Concept note</narrative></title>"
            + "<category code=\"A02\"/><language code=\"en\"/><document-date iso-date=\"")
        .doesNotContain("/public/documents/" + annex + "/");

    // the concept note, the annex and the signed agreement the signatures produced
    String csv = as("unodc-manager").getForObject("/api/activities/export.csv", String.class);
    assertThat(csv.lines().filter(line -> line.startsWith("\"" + reference + "\""))).singleElement()
        .satisfies(line -> assertThat(line).endsWith(",\"3\""));
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",\"Signed\",\"Documents\"");
  }

  private void assertNotFound(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).as(path).doesNotContain("public_document", "Exception");
  }

  private long attach(String reference, String fileName, byte[] content, String type, boolean visibleToAll) {
    ResponseEntity<JsonNode> attached = as("unodc-officer").postForEntity("/api/activities/" + reference + "/documents",
        Multipart.upload(fileName, content, Map.of("type", type, "title", type.equals("ANNEX") ? "Annex" : "Concept note",
            "public", String.valueOf(visibleToAll))), JsonNode.class);
    assertThat(attached.getStatusCode()).as(String.valueOf(attached.getBody())).isEqualTo(HttpStatus.CREATED);
    return attached.getBody().get("id").asLong();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
