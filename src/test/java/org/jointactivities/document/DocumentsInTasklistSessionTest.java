package org.jointactivities.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Multipart;
import org.jointactivities.support.Scenario;
import org.jointactivities.support.WebappLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Documents from Tasklist, as its plugin will reach them: with the webapp session, a change only with
 * the session's CSRF token. (The webapps' login names the engine "default": on H2 only.)
 */
@JointActivitiesTest
class DocumentsInTasklistSessionTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @Test
  void tasklistsSessionAttachesWithItsCsrfTokenOnlyAndReadsTheDocumentsOfATask() {
    ProcessInstance proposal = scenario.submitValid();
    String reference = proposal.getBusinessKey();
    ResponseEntity<String> login = WebappLogin.login(http, "tasklist", "unodc-reviewer", "demo");
    assertThat(login.getStatusCode().value()).as(login.getBody()).isEqualTo(200);
    String session = WebappLogin.cookies(login);

    // a session cookie rides along on requests other sites make a browser send: not enough for a change
    assertThat(sessionUpload(session, null, reference).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> attached = sessionUpload(session, WebappLogin.csrfToken(http, session), reference);
    assertThat(attached.getStatusCode()).as(String.valueOf(attached.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(attached.getBody().get("createdBy").asText()).isEqualTo("unodc-reviewer");

    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    String task = scenario.task(proposal, "Task_ReviewProposal", "UNODC").getId();
    JsonNode ofTask = http.exchange("/api/tasks/" + task + "/documents", HttpMethod.GET, new HttpEntity<>(headers),
        JsonNode.class).getBody();
    assertThat(ofTask.get("reference").asText()).isEqualTo(reference);
    assertThat(ofTask.at("/documents/0/title").asText()).isEqualTo("Review notes");
  }

  private ResponseEntity<JsonNode> sessionUpload(String session, String csrfToken, String reference) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    if (csrfToken != null) {
      headers.add("X-XSRF-TOKEN", csrfToken);
    }
    return http.postForEntity("/api/activities/" + reference + "/documents",
        Multipart.upload("notes.pdf", TestFiles.pdf("notes"), Map.of("type", "OTHER", "title", "Review notes"), headers), JsonNode.class);
  }

}
