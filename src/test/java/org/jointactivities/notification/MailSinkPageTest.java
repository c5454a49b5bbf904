package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** The demo mail sink's page: each reader their own mails, administrators everyone's; no second login dialog. */
@JointActivitiesTest
class MailSinkPageTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired IdentityService identity;
  @Autowired JavaMailSender mailSender;

  @Test
  void eachReaderReadsTheirOwnMailsAndAdministratorsAll() {
    String reference = scenario.submitValid().getBusinessKey();
    scenario.runJobs();

    String reviewer = http.withBasicAuth("iom-reviewer", "demo").getForObject("/mail-sink", String.class);
    assertThat(reviewer).contains(reference + ": Review proposal", "to iom-reviewer@iom.int, newest first",
            "it keeps the newest 500.")
        .doesNotContain("unodc-reviewer@unodc.org");
    String officer = http.withBasicAuth("iom-officer", "demo").getForObject("/mail-sink", String.class);
    assertThat(officer).doesNotContain(reference + ": Review proposal");
    String admin = http.withBasicAuth("admin", "demo").getForObject("/mail-sink", String.class);
    assertThat(admin).contains("to anyone", "iom-reviewer@iom.int", "unodc-reviewer@unodc.org");
  }

  @Test
  void thePageShowsTwentyFiveMailsAtATimeNewestFirst() throws Exception {
    if (identity.createUserQuery().userId("sink-reader").count() == 0) {
      User reader = identity.newUser("sink-reader");
      reader.setPassword("demo");
      reader.setEmail("sink-reader@example.org");
      identity.saveUser(reader);
    }
    for (int i = 0; i < 30; i++) {
      SimpleMailMessage mail = new SimpleMailMessage();
      mail.setFrom("joint-activities@example.org");
      mail.setTo("sink-reader@example.org");
      mail.setSubject("Paged mail " + i);
      mail.setText("Body " + i);
      mailSender.send(mail);
    }

    String first = http.withBasicAuth("sink-reader", "demo").getForObject("/mail-sink", String.class);
    assertThat(first).contains("30 message(s) to sink-reader@example.org, newest first; 1–25 below",
        "href=\"?page=1\" rel=\"next\">Older").doesNotContain("rel=\"prev\"");
    assertThat(first.split("<article>", -1)).hasSize(26);
    assertThat(first.indexOf("Paged mail 29")).isLessThan(first.indexOf("Paged mail 5<"));
    assertThat(first).doesNotContain("Paged mail 4<");

    String second = http.withBasicAuth("sink-reader", "demo").getForObject("/mail-sink?page=1", String.class);
    assertThat(second).contains("26–30 below", "Paged mail 4<", "Paged mail 0<", "rel=\"prev\">Newer")
        .doesNotContain("rel=\"next\"");
    assertThat(second.split("<article>", -1)).hasSize(6);

    ResponseEntity<String> negative = http.withBasicAuth("sink-reader", "demo").getForEntity("/mail-sink?page=-1", String.class);
    assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(negative.getBody()).contains("page", "must be 0 or more");
    ResponseEntity<String> notANumber = http.withBasicAuth("sink-reader", "demo").getForEntity("/mail-sink?page=two", String.class);
    assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
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
