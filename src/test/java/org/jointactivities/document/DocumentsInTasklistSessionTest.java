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

    String task = scenario.task(proposal, "Task_ReviewProposal", "UNODC").getId();
    JsonNode ofTask = get(session, "/api/tasks/" + task + "/documents", JsonNode.class).getBody();
    assertThat(ofTask.get("reference").asText()).isEqualTo(reference);
    assertThat(ofTask.at("/documents/0/title").asText()).isEqualTo("Review notes");
  }

  @Test
  void aReviewShowsTheDocumentsReadOnlyARevisionAttachesToTheActivityAndTheSessionDownloads() {
    ProcessInstance proposal = scenario.submitValid();
    String reference = proposal.getBusinessKey();
    String session = WebappLogin.cookies(WebappLogin.login(http, "tasklist", "unodc-officer", "demo"));
    ResponseEntity<JsonNode> attached = sessionUpload(session, WebappLogin.csrfToken(http, session), reference);
    assertThat(attached.getStatusCode()).as(String.valueOf(attached.getBody())).isEqualTo(HttpStatus.CREATED);

    String review = scenario.task(proposal, "Task_ReviewProposal", "IOM").getId();
    assertThat(get(session, "/api/tasks/" + review + "/documents", JsonNode.class).getBody().get("attachTo").isNull())
        .as("a review attaches nothing").isTrue();
    scenario.review(proposal, "unodc-reviewer", "UNODC", "REQUEST_CHANGES", "Attach the budget");
    scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
    String revision = scenario.task(proposal, "Task_ReviseProposal", null).getId();
    assertThat(get(session, "/api/tasks/" + revision + "/documents", JsonNode.class).getBody().get("attachTo").asText())
        .isEqualTo("activity");

    JsonNode choices = get(session, "/api/activities/" + reference + "/attachment-choices", JsonNode.class).getBody();
    assertThat(choices.findValuesAsText("value")).contains("CONCEPT_NOTE", "BUDGET", "activity")
        .doesNotContain("SIGNED_AGREEMENT");
    assertThat(choices.at("/parts/0/label").asText()).isEqualTo("The activity " + reference);
    assertThat(choices.get("maxBytes").asLong()).isEqualTo(25L * 1024 * 1024);

    // the plugin's download link is followed with the session alone
    ResponseEntity<byte[]> download = get(session, "/api/activities/" + reference + "/documents/"
        + attached.getBody().get("id").asLong() + "/versions/1/content", byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(TestFiles.pdf("notes"));
  }

  private <T> ResponseEntity<T> get(String session, String path, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
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
