package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The demo mail sink's page: each reader their own mails, administrators everyone's; no second login dialog. */
@JointActivitiesTest
class MailSinkPageTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @Test
  void eachReaderReadsTheirOwnMailsAndAdministratorsAll() {
    String reference = scenario.submitValid().getBusinessKey();
    scenario.runJobs();

    String reviewer = http.withBasicAuth("iom-reviewer", "demo").getForObject("/mail-sink", String.class);
    assertThat(reviewer).contains(reference + ": Review proposal", "to iom-reviewer@iom.int, newest first")
        .doesNotContain("unodc-reviewer@unodc.org");
    String officer = http.withBasicAuth("iom-officer", "demo").getForObject("/mail-sink", String.class);
    assertThat(officer).doesNotContain(reference + ": Review proposal");
    String admin = http.withBasicAuth("admin", "demo").getForObject("/mail-sink", String.class);
    assertThat(admin).contains("to anyone", "iom-reviewer@iom.int", "unodc-reviewer@unodc.org");
  }

  @Test
  void withoutLoginThePageAsksForTheWebappsLoginNotABasicDialog() {
    ResponseEntity<String> page = http.getForEntity("/mail-sink", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(page.getHeaders().getFirst("WWW-Authenticate")).isNull();
    assertThat(page.getBody()).contains("Log in to", "/camunda/app/tasklist/default/");
    // the APIs still ask HTTP clients and browsers for Basic credentials
    ResponseEntity<String> api = http.getForEntity("/api/portfolio", String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Basic realm=\"Realm\"");
  }
}
