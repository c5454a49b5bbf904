package org.jointactivities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.support.BrowserPost;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.jointactivities.support.WebappLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The Cockpit plugins are registered and served, and read our API with the manager's Cockpit session. */
@JointActivitiesTest
class CockpitPluginTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @LocalServerPort int port;

  @Test
  void thePluginsAreRegisteredAndServed() {
    String cockpit = http.getForObject("/camunda/app/cockpit/scripts/config.js", String.class);
    assertThat(cockpit).contains("customScripts: ['joint-activities/portfolio-plugin', '../joint-activities/administrators-only',"
        + " '../joint-activities/logout']");
    String tasklist = http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
    assertThat(tasklist).contains("customScripts: ['joint-activities/tasklist-plugin', '../joint-activities/administrators-only',"
        + " '../joint-activities/logout']")
        .contains("assignProcessInstanceIdToTaskComment: true");
    assertThat(http.getForObject("/camunda/app/admin/scripts/config.js", String.class))
        .contains("customScripts: ['../joint-activities/logout']");
    // without single sign-on the webapps' own logout stays: the script served changes nothing
    ResponseEntity<String> logout = http.getForEntity("/camunda/app/joint-activities/logout.js", String.class);
    assertThat(logout.getStatusCode().value()).isEqualTo(200);
    assertThat(logout.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(logout.getBody()).contains("export default []").doesNotContain("/logout");
    ResponseEntity<String> plugin = http.getForEntity("/camunda/app/cockpit/joint-activities/portfolio-plugin.js", String.class);
    assertThat(plugin.getStatusCode().value()).isEqualTo(200);
    assertThat(plugin.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(plugin.getBody()).contains("pluginPoint: 'cockpit.dashboard'")
        .contains("pluginPoint: 'cockpit.processInstance.runtime.tab'")
        .contains("'X-XSRF-TOKEN': csrfToken")
        // values go in as text, never as markup
        .doesNotContain("innerHTML = figures").doesNotContain("innerHTML = a.");
    for (String shared : List.of("/camunda/app/tasklist/joint-activities/tasklist-plugin.js",
        "/camunda/app/joint-activities/plugin-kit.js", "/camunda/app/joint-activities/administrators-only.js")) {
      ResponseEntity<String> script = http.getForEntity(shared, String.class);
      assertThat(script.getStatusCode().value()).as(shared).isEqualTo(200);
      assertThat(script.getBody()).as(shared).doesNotContain("innerHTML = a").doesNotContain(".innerHTML = answer");
    }
  }

  @Test
  void theCockpitSessionReadsTheApiButChangesNothing() {
    var proposal = scenario.submitValid();
    String session = login("unodc-manager");

    ResponseEntity<JsonNode> first = withSession(session, HttpMethod.GET, "/api/portfolio", JsonNode.class);
    assertThat(first.getHeaders().get(HttpHeaders.SET_COOKIE)).as("the webapps' session stays as it is").isNull();
    JsonNode figures = first.getBody();
    assertThat(figures.get("activities").asInt()).isPositive();
    JsonNode activity = withSession(session, HttpMethod.GET, "/api/activities/" + proposal.getBusinessKey(), JsonNode.class).getBody();
    assertThat(activity.at("/activity/state").asText()).as(activity.toString()).isEqualTo("IN_REVIEW");
    // a session cookie never authorizes a change
    assertThat(withSession(session, HttpMethod.POST, "/api/activities/" + proposal.getBusinessKey() + "/withdrawal",
        String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.getForEntity("/api/portfolio", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aManagerIntervenesFromCockpitWithTheWebappsCsrfTokenOnly() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    try {
      var activity = scenario.signedActivity(Proposals.valid());
      scenario.at("2027-01-01T00:00:00Z");
      String session = login("iom-manager");
      String token = WebappLogin.csrfToken(http, session);
      String suspension = "/api/activities/" + activity.getBusinessKey() + "/suspension";

      assertThat(withSession(session, HttpMethod.POST, suspension, String.class).getStatusCode().value()).isEqualTo(401);
      assertThat(withSession(session, "not-the-token", suspension).getStatusCode().value()).isEqualTo(401);
      assertThat(scenario.activity(activity).getState()).isEqualTo(ActivityState.ACTIVE);

      // as Cockpit's page sends it: same origin, so the cross-site guard lets it through
      HttpResponse<String> suspended = new BrowserPost(port).fromOwnPage().header(HttpHeaders.COOKIE, session)
          .header("X-XSRF-TOKEN", token).send(suspension, "application/json", "{\"reason\":\"Audit under way\"}");
      assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
      assertThat(scenario.activity(activity).getState()).isEqualTo(ActivityState.SUSPENDED);
      assertThat(scenario.audit(activity)).last().satisfies(entry -> assertThat(entry.getActor()).isEqualTo("iom-manager"));
    } finally {
      ClockUtil.reset();
    }
  }

  private ResponseEntity<JsonNode> withSession(String session, String csrfToken, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    headers.add("X-XSRF-TOKEN", csrfToken);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>("{\"reason\":\"Audit under way\"}", headers), JsonNode.class);
  }

  private String login(String user) {
    ResponseEntity<String> login = WebappLogin.login(http, "cockpit", user, "demo");
    assertThat(login.getStatusCode().value()).as(login.getBody()).isEqualTo(200);
    return WebappLogin.cookies(login);
  }

  private <T> ResponseEntity<T> withSession(String session, HttpMethod method, String path, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(method == HttpMethod.POST ? "{\"reason\":\"x\"}" : null, headers), type);
  }
}
