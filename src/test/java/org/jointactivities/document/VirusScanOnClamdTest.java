package org.jointactivities.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jointactivities.support.ClamdServer;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Multipart;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads pass a real ClamAV daemon: the EICAR test file is refused by the signature's name, a clean
 * file is stored, and while the scanner is away nothing is stored unscanned (503). In a JVM of its own.
 */
@JointActivitiesTest
class VirusScanOnClamdTest {

  static final ClamdServer CLAMD = ClamdServer.start();

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void scanner(DynamicPropertyRegistry properties) {
    CLAMD.addTo(properties);
  }

  @AfterAll
  static void stopScanner() {
    CLAMD.close();
  }

  @Test
  void theEicarTestFileIsRefusedByNameACleanFileIsStored() {
    String reference = scenario.submitValid().getBusinessKey();
    int versions = count();
    // a CSV by its content and name, so that only the scanner stands in its way
    ResponseEntity<JsonNode> infected = attach(reference, "evidence.csv", TestFiles.eicar());
    assertThat(infected.getStatusCode().value()).as(String.valueOf(infected.getBody())).isEqualTo(400);
    assertThat(infected.getBody().get("detail").asText())
        .isEqualTo("Document refused: File: contains a virus (Eicar-Test-Signature.UNOFFICIAL) and was not stored");
    // (clamd marks signatures from a local database UNOFFICIAL)
    assertThat(count()).isEqualTo(versions);

    ResponseEntity<JsonNode> clean = attach(reference, "evidence.pdf", TestFiles.pdf("site visit"));
    assertThat(clean.getStatusCode().value()).as(String.valueOf(clean.getBody())).isEqualTo(201);
    assertThat(count()).isEqualTo(versions + 1);
  }

  @Test
  void whileTheScannerIsAwayNothingIsStoredUnscanned() {
    String reference = scenario.submitValid().getBusinessKey();
    int versions = count();
    CLAMD.stop();
    try {
      ResponseEntity<JsonNode> refused = attach(reference, "evidence.pdf", TestFiles.pdf("site visit"));
      assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(503);
      assertThat(refused.getBody().get("detail").asText()).startsWith("The virus scanner (clamd at 127.0.0.1:")
          .contains("the document was not stored and nothing was changed");
      assertThat(count()).isEqualTo(versions);
    } finally {
      CLAMD.startAgain();
    }
  }

  private int count() {
    return jdbc.queryForObject("select count(*) from document_version", Integer.class);
  }

  private ResponseEntity<JsonNode> attach(String reference, String fileName, byte[] content) {
    return http.withBasicAuth("unodc-officer", "demo").postForEntity("/api/activities/" + reference + "/documents",
        Multipart.upload(fileName, content, Map.of("type", "REPORT_EVIDENCE", "title", "Evidence")), JsonNode.class);
  }
}
