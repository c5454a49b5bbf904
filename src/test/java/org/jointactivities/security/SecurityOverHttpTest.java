package org.jointactivities.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.support.BrowserPost;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.RawHttp;
import org.jointactivities.support.Scenario;
import org.jointactivities.support.WebappLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every forbidden action, tried over HTTP against the running application as the role that
 * might try it: refused (401, 403, or the rule's message) with the state unchanged. And hostile
 * input through the REST API: refused with a clear error, or stored harmlessly.
 */
@JointActivitiesTest
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("unchecked")
class SecurityOverHttpTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired JointActivityRepository activities;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @LocalServerPort int port;

  @BeforeEach
  void peopleWithTwoHats() {
    scenario.person("http-officer-reviewer", "unodc-officers", "unodc-reviewers");
    scenario.person("http-signatory-of-both", "unodc-signatories-director", "iom-signatories-director");
    scenario.person("outsider");
    scenario.person("wrong-password-user");
  }

  @Test
  void withoutCredentialsOnlyLoginAssetsAndHealthAnswer() {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/user", "/engine-rest/process-definition",
        "/api/activities/JA-2026-0001", "/api/operations/notifications", "/mail-sink", "/actuator/metrics"}) {
      assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }
    assertThat(http.postForEntity("/api/activities/JA-2026-0001/withdrawal", Map.of("reason", "x"), String.class)
        .getStatusCode().value()).isEqualTo(401);
    // a user of its own: Camunda then holds that user's logins back for a while (brute-force protection)
    assertThat(http.withBasicAuth("wrong-password-user", "not-the-password").getForEntity("/engine-rest/task", String.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(http.getForEntity("/camunda/app/tasklist/", String.class).getStatusCode().value()).isEqualTo(200);
    // public documents are read without a login (404 unless public and signed: PublicDocumentsOverHttpTest), nothing beside
    assertThat(http.getForEntity("/public/documents/999999/a.pdf", String.class).getStatusCode().value()).isEqualTo(404);
    for (String path : new String[] {"/public/documents", "/public/documents/1", "/public/documents/1/a.pdf/more",
        "/public/other/1/a.pdf"}) {
      assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }
    assertThat(http.postForEntity("/public/documents/1/a.pdf", "x", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void withoutCredentialsABodyIsNotReadAndCannotWriteToTheSecurityLog(CapturedOutput log) throws IOException {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> naming = http.exchange("/engine-rest/task/x/complete", HttpMethod.POST,
        new HttpEntity<>(variables("activityId", 1), json), String.class);
    assertThat(naming.getStatusCode().value()).isEqualTo(401);
    assertThat(log.getOut()).doesNotContain("tried to set the protected variable 'activityId'");

    // 450 MB announced, 1 KB sent: the refusal comes without waiting for the rest
    RawHttp.Answer huge = new RawHttp(port).header("Content-Type", "application/json")
        .header("Content-Length", String.valueOf(450L * 1024 * 1024))
        .send("POST", "/engine-rest/task/x/complete", new byte[1024]);
    assertThat(huge.status()).isEqualTo(401);
    RawHttp.Answer webapps = new RawHttp(port).header("Content-Type", "application/json")
        .header("Content-Length", String.valueOf(450L * 1024 * 1024))
        .send("POST", "/camunda/api/engine/engine/default/task/x/complete", new byte[1024]);
    assertThat(webapps.status()).as("without a webapp session").isIn(401, 403);
  }

  @Test
  void aBodyOverOneMegabyteIsRefusedBeforeItIsRead() throws IOException {
    RawHttp.Answer announced = new RawHttp(port).basicAuth("unodc-officer", "demo")
        .header("Content-Type", "application/json").header("Content-Length", String.valueOf(2 * 1024 * 1024))
        .send("POST", "/engine-rest/task/x/complete", new byte[1024]);
    assertThat(announced.status()).isEqualTo(413);
    assertThat(announced.body()).contains("The request body is larger than 1 MB, the most this application accepts here");

    RawHttp.Answer chunked = new RawHttp(port).basicAuth("unodc-officer", "demo")
        .header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
        .send("POST", "/engine-rest/task/x/complete", RawHttp.chunked(1024 * 1024 + 1024));
    assertThat(chunked.status()).isEqualTo(413);

    // the webapps' login form is read before anyone is logged in: it gets far less room
    RawHttp.Answer login = new RawHttp(port).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Content-Length", String.valueOf(100 * 1024))
        .send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", new byte[1024]);
    assertThat(login.status()).isEqualTo(413);
    assertThat(login.body()).contains("larger than 64 KB");
  }

  @Test
  void anotherSiteCannotMakeABrowserChangeAnything(CapturedOutput log) throws Exception {
    // what a page elsewhere makes a browser send, with the Basic credentials it keeps since /swagger-ui
    String multipart = "--probe\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncross-site-probe\r\n"
        + "--probe\r\nContent-Disposition: form-data; name=\"note.txt\"; filename=\"note.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nharmless\r\n--probe--\r\n";
    for (Map<String, String> elsewhere : List.of(
        Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"),
        Map.of("Origin", "https://evil.example"),
        Map.of("Origin", "null"),
        Map.of("Origin", "http://localhost:" + (port + 1)),
        Map.of("Sec-Fetch-Site", "same-site"))) {
      BrowserPost browser = new BrowserPost(port).basicAuth("admin", "demo");
      elsewhere.forEach(browser::header);
      HttpResponse<String> refused = browser.send("/engine-rest/deployment/create", "multipart/form-data; boundary=probe",
          multipart);
      assertThat(refused.statusCode()).as(elsewhere.toString()).isEqualTo(403);
      assertThat(refused.body()).contains("Refused: this request comes from another site");
    }
    assertThat(repository.createDeploymentQuery().deploymentName("cross-site-probe").count()).isZero();
    assertThat(log.getOut()).contains(
        "Refused: admin POST /engine-rest/deployment/create from another site (Origin https://evil.example, Sec-Fetch-Site cross-site)");

    // this application's own pages, and clients that are no browser, are served
    HttpResponse<String> ownPage = new BrowserPost(port).basicAuth("unodc-officer", "demo").fromOwnPage()
        .send("/engine-rest/task", "application/json", "{}");
    assertThat(ownPage.statusCode()).isEqualTo(200);
    assertThat(as("unodc-officer", HttpMethod.POST, "/engine-rest/task", Map.of()).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void nobodyWorksOnAnotherAgencysTask() {
    ProcessInstance proposal = scenario.submitValid();
    Task unodc = scenario.task(proposal, "Task_ReviewProposal", "UNODC");

    assertThat(as("iom-reviewer", HttpMethod.GET, "/engine-rest/task/" + unodc.getId(), null).getStatusCode().value())
        .isIn(403, 404);
    assertThat(as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + unodc.getId() + "/claim",
        Map.of("userId", "iom-reviewer")).getStatusCode().value()).isEqualTo(403);
    assertThat(as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + unodc.getId() + "/submit-form",
        variables("reviewDecision", "APPROVE")).getStatusCode().value()).isEqualTo(403);
    assertOpenAndUnclaimed(unodc);
  }

  @Test
  void nobodyReviewsTheirOwnProposalOverRest() {
    ProcessInstance proposal = scenario.submit("http-officer-reviewer", Proposals.valid());
    Task review = scenario.task(proposal, "Task_ReviewProposal", "UNODC");

    ResponseEntity<JsonNode> claim = as("http-officer-reviewer", HttpMethod.POST,
        "/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", "http-officer-reviewer"));
    assertThat(claim.getStatusCode().value()).isEqualTo(403);
    assertThat(claim.getBody().get("message").asText()).contains("Four-eyes rule: http-officer-reviewer drafted");
    ResponseEntity<JsonNode> complete = as("http-officer-reviewer", HttpMethod.POST,
        "/engine-rest/task/" + review.getId() + "/submit-form", variables("reviewDecision", "APPROVE"));
    assertThat(complete.getStatusCode().value()).isEqualTo(403);
    assertThat(complete.getBody().get("message").asText()).contains("and so may not review it");
    assertOpenAndUnclaimed(review);
  }

  @Test
  void noSecondSignatureBySamePersonAndNoneBelowTheLevel() {
    Map<String, Object> director = Proposals.with("totalBudget", 500000);
    director.put("leadContribution", 300000);
    director.put("partnerContribution", 200000);
    ProcessInstance proposal = scenario.submit("unodc-officer", director);
    scenario.approveBoth(proposal);
    scenario.sign(proposal, "http-signatory-of-both", "UNODC");
    Task iom = scenario.task(proposal, "Task_SignActivity", "IOM");

    ResponseEntity<JsonNode> second = as("http-signatory-of-both", HttpMethod.POST,
        "/engine-rest/task/" + iom.getId() + "/submit-form", signing());
    assertThat(second.getStatusCode().value()).isEqualTo(403);
    assertThat(second.getBody().get("message").asText())
        .contains("already signed " + proposal.getBusinessKey() + " for UNODC");
    ResponseEntity<JsonNode> belowLevel = as("iom-signatory-pm", HttpMethod.POST,
        "/engine-rest/task/" + iom.getId() + "/submit-form", signing());
    assertThat(belowLevel.getStatusCode().value()).isEqualTo(403);
    assertOpenAndUnclaimed(iom);
    assertThat(scenario.activity(proposal).getState().name()).isEqualTo("AWAITING_SIGNATURE");
  }

  @Test
  void theApplicationsOwnVariablesCannotBeSetOverRest() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    long activityId = scenario.activity(proposal).getId();

    ResponseEntity<JsonNode> direct = as("iom-reviewer", HttpMethod.PUT,
        "/engine-rest/task/" + review.getId() + "/variables/activityId", Map.of("value", 1));
    assertThat(direct.getStatusCode().value()).isEqualTo(400);
    assertThat(direct.getBody().get("message").asText()).isEqualTo(
        "Variable 'activityId' is not a field of the form of 'Review proposal' and cannot be set through the API: only the form's own fields can");
    Map<String, Object> hidden = new LinkedHashMap<>(variables("reviewDecision", "APPROVE"));
    ((Map<String, Object>) hidden.get("variables")).put("proposer", Map.of("value", "iom-reviewer"));
    assertThat(as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/submit-form", hidden)
        .getStatusCode().value()).isEqualTo(400);
    assertThat(as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/variables",
        Map.of("deletions", new String[] {"reviewRound"})).getStatusCode().value()).isEqualTo(400);
    Map<String, Object> forged = new LinkedHashMap<>(startVariables(Map.of()));
    ((Map<String, Object>) forged.get("variables")).put("proposer", Map.of("value", "iom-officer"));
    assertThat(as("unodc-officer", HttpMethod.POST, "/engine-rest/process-definition/key/JointActivityProposal/submit-form",
        forged).getStatusCode().value()).isEqualTo(400);

    // a message also sets variables in the scope it triggers
    ResponseEntity<JsonNode> message = as("unodc-officer", HttpMethod.POST, "/engine-rest/message", Map.of(
        "messageName", "ProposalWithdrawn", "businessKey", proposal.getBusinessKey(),
        "processVariablesToTriggeredScope", Map.of("withdrawnBy", Map.of("value", "iom-officer"))));
    assertThat(message.getStatusCode().value()).isEqualTo(400);
    assertThat(message.getBody().get("message").asText()).startsWith("Variable 'withdrawnBy' cannot be set, changed or deleted through the API");

    // the parties decide who gets the report tasks: set by the proposal's start form, never after
    ResponseEntity<JsonNode> parties = as("iom-reviewer", HttpMethod.PUT,
        "/engine-rest/task/" + review.getId() + "/variables/leadAgency", Map.of("value", "IOM"));
    assertThat(parties.getStatusCode().value()).isEqualTo(400);
    assertThat(parties.getBody().get("message").asText()).startsWith("Variable 'leadAgency' is shown read-only in the form of 'Review proposal'");

    assertOpenAndUnclaimed(review);
    assertThat(scenario.activity(proposal).getId()).isEqualTo(activityId);
    assertThat(scenario.audit(proposal)).noneMatch(entry -> entry.getActor() != null && entry.getActor().equals("iom-reviewer"));
  }

  @Test
  void theWebappsEngineApiKeepsThemToo() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    String session = WebappLogin.cookies(WebappLogin.login(http, "tasklist", "iom-reviewer", "demo"));
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    headers.add("X-XSRF-TOKEN", WebappLogin.csrfToken(http, session));
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<JsonNode> refused = http.exchange("/camunda/api/engine/engine/default/task/" + review.getId()
        + "/variables/proposer", HttpMethod.PUT, new HttpEntity<>(Map.of("value", "iom-reviewer"), headers), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).startsWith("Variable 'proposer' is not a field of the form of 'Review proposal'");
    assertThat(runtime.getVariable(proposal.getId(), "proposer")).isEqualTo("unodc-officer");
  }

  @Test
  void aFormMaySendBackThePartiesItShowsButNoReportMayChangeThem() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "iom-reviewer", "IOM", "REQUEST_CHANGES", "Add a deliverable");
    scenario.review(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);
    Task revision = scenario.task(proposal, "Task_ReviseProposal", null);
    // the revision form shows the whole proposal, parties included, and sends it back
    Map<String, Object> revised = startVariables(Map.of("revisionDecision", Map.of("value", "RESUBMIT")));
    assertThat(as("unodc-officer", HttpMethod.POST, "/engine-rest/task/" + revision.getId() + "/submit-form", revised)
        .getStatusCode().value()).isEqualTo(204);

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    try {
      ProcessInstance signed = scenario.signedActivity(Proposals.valid());
      scenario.at("2027-04-01T00:00:00Z");
      Task report = scenario.task(signed, "Task_SubmitProgressReport", null);
      Map<String, Object> hijack = new LinkedHashMap<>(variables("narrative", "Fine"));
      ((Map<String, Object>) hijack.get("variables")).put("leadAgency", Map.of("value", "IOM"));
      ResponseEntity<JsonNode> refused = as("unodc-officer", HttpMethod.POST, "/engine-rest/task/" + report.getId()
          + "/submit-form", hijack);
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getBody().get("message").asText()).startsWith("Variable 'leadAgency' is not a field of the form of 'Submit progress report'");
      assertOpenAndUnclaimed(report);
      assertThat(runtime.getVariable(scenario.implementation(signed).getId(), "leadAgency")).isEqualTo("UNODC");
    } finally {
      ClockUtil.reset();
    }
  }

  /** The API refuses modifications outright (EngineOperationsOverHttpTest); the models re-check even the Java API's. */
  @Test
  void anAdministratorCannotMoveAProposalPastItsSignatures() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");

    Map<String, String> refusals = Map.of(
        "Task_RecordSignedActivity", proposal.getBusinessKey()
            + ": not recorded as signed without the signatures of both UNODC and IOM in one sign-off",
        "EndEvent_ActivitySigned", proposal.getBusinessKey() + " is AWAITING_SIGNATURE, not SIGNED: its implementation cannot start");
    refusals.forEach((target, refusal) -> {
      ResponseEntity<JsonNode> jump = as("admin", HttpMethod.POST, "/engine-rest/process-instance/" + proposal.getId()
          + "/modification", jumpTo(target, "CallActivity_DualAgencySignOff"));
      assertThat(jump.getStatusCode().value()).as(target).isEqualTo(403);
      assertThatThrownBy(() -> scenario.as("admin", () -> runtime.createProcessInstanceModification(proposal.getId())
          .cancelAllForActivity("CallActivity_DualAgencySignOff").startBeforeActivity(target).execute()))
          .as(target).isInstanceOf(ActionRefusedException.class).hasMessage(refusal);
    });
    assertThat(scenario.activity(proposal).getState().name()).isEqualTo("AWAITING_SIGNATURE");
    assertThat(scenario.implementation(proposal)).isNull();
    assertOpenAndUnclaimed(scenario.task(proposal, "Task_SignActivity", "IOM"));
  }

  @Test
  void anAdministratorCannotApplyAnAmendmentPastItsSignatures() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    try {
      ProcessInstance activity = scenario.signedActivity(Proposals.valid());
      var plannedEnd = scenario.activity(activity).getPlannedEndDate();
      ProcessInstance amendment = scenario.requestAmendment("iom-officer", Map.of(
          "activityReference", activity.getBusinessKey(), "newEndDate", "2028-03-31", "justification", "More time."));
      scenario.reviewAmendment(activity, "unodc-reviewer", "UNODC", "APPROVE", null);
      scenario.reviewAmendment(activity, "iom-reviewer", "IOM", "APPROVE", null);

      ResponseEntity<JsonNode> jump = as("admin", HttpMethod.POST, "/engine-rest/process-instance/" + amendment.getId()
          + "/modification", jumpTo("Task_ApplyAmendment", "CallActivity_DualAgencySignOff"));
      assertThat(jump.getStatusCode().value()).isEqualTo(403);
      assertThatThrownBy(() -> scenario.as("admin", () -> runtime.createProcessInstanceModification(amendment.getId())
          .cancelAllForActivity("CallActivity_DualAgencySignOff").startBeforeActivity("Task_ApplyAmendment").execute()))
          .isInstanceOf(ActionRefusedException.class).hasMessage(activity.getBusinessKey()
              + ": the amendment is not applied without the signatures of both UNODC and IOM in one sign-off");
      assertThat(scenario.activity(activity).getPlannedEndDate()).isEqualTo(plannedEnd);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void rolesStayInTheirLane() {
    ProcessInstance proposal = scenario.submitValid();
    // managers see their agency's instances; officers, reviewers and outsiders see no instances
    assertThat(as("unodc-manager", HttpMethod.GET, "/engine-rest/process-instance?businessKey=" + proposal.getBusinessKey()
        + "&processDefinitionKey=JointActivityProposal", null).getBody()).hasSize(1);
    assertThat(as("unodc-officer", HttpMethod.GET, "/engine-rest/process-instance?businessKey=" + proposal.getBusinessKey(), null)
        .getBody()).isEmpty();
    assertThat(as("outsider", HttpMethod.GET, "/api/activities/" + proposal.getBusinessKey(), null).getStatusCode().value())
        .isEqualTo(404);
    // nobody starts a sign-off by hand, and a manager cannot delete an activity's process
    assertThat(as("unodc-officer", HttpMethod.POST, "/engine-rest/process-definition/key/DualAgencySignOff/start",
        Map.of()).getStatusCode().value()).isEqualTo(403);
    assertThat(as("unodc-manager", HttpMethod.DELETE, "/engine-rest/process-instance/" + proposal.getId(), null)
        .getStatusCode().value()).isEqualTo(403);
    // an officer cannot manage grants (reading all users' names and e-mails is allowed: docs/security.md)
    assertThat(as("unodc-officer", HttpMethod.POST, "/engine-rest/authorization/create",
        Map.of("type", 1, "permissions", new String[] {"ALL"}, "userId", "unodc-officer", "resourceType", 0, "resourceId", "*"))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(scenario.openTasks(proposal)).hasSize(2);
  }

  @Test
  void toAnOutsiderAWithdrawalAnswersAsIfTheActivityDidNotExist() {
    ProcessInstance proposal = scenario.submitValid();
    String withdrawal = "/api/activities/" + proposal.getBusinessKey() + "/withdrawal";

    ResponseEntity<String> outsider = http.withBasicAuth("outsider", "demo").postForEntity(withdrawal,
        Map.of("reason", "Curious"), String.class);
    assertThat(outsider.getStatusCode().value()).isEqualTo(404);
    assertThat(outsider.getBody()).doesNotContain("unodc-officer");
    assertThat(http.withBasicAuth("outsider", "demo").postForEntity("/api/activities/JA-1999-9999/withdrawal",
        Map.of("reason", "Curious"), String.class).getStatusCode().value()).isEqualTo(404);
    // a party's member who did not propose it is told who may
    ResponseEntity<String> party = http.withBasicAuth("iom-officer", "demo").postForEntity(withdrawal,
        Map.of("reason", "Not mine"), String.class);
    assertThat(party.getStatusCode().value()).isEqualTo(403);
    assertThat(party.getBody()).contains("Only the proposer (unodc-officer) may withdraw");
    assertThat(scenario.activity(proposal).getState().name()).isEqualTo("IN_REVIEW");
  }

  @Test
  void officersReviewersAndManagersReadNoHistoryOfActivities() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
    String byKey = "/engine-rest/history/process-instance?processInstanceBusinessKey=" + proposal.getBusinessKey();
    String variables = "/engine-rest/history/variable-instance?processInstanceId=" + proposal.getId();

    for (String user : List.of("unodc-officer", "iom-reviewer", "http-officer-reviewer", "unodc-manager")) {
      for (String path : List.of(byKey, variables, "/engine-rest/history/variable-instance?variableName=proposer")) {
        ResponseEntity<JsonNode> answer = as(user, HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode().value()).as(user + " " + path).isIn(200, 403);
        if (answer.getStatusCode().value() == 200) {
          assertThat(answer.getBody()).as(user + " " + path).isEmpty();
        }
      }
    }
    // the history is there, for those who may read it
    assertThat(as("admin", HttpMethod.GET, byKey, null).getBody()).isNotEmpty();
    assertThat(as("admin", HttpMethod.GET, variables, null).getBody()).isNotEmpty();
  }

  static Stream<Arguments> hostileProposals() {
    return Stream.of(
        Arguments.of("a very long title", Map.of("title", Map.of("value", "x".repeat(10_000))), "Title: size must be between 0 and 200"),
        Arguments.of("a control character", Map.of("title", Map.of("value", "Training\u0000\u0007")), "Title: must not contain control characters"),
        Arguments.of("an absurd budget", Map.of("totalBudget", Map.of("value", 1e308)), "Total budget: must be less than or equal to 1000000000000"),
        Arguments.of("a number as words", Map.of("totalBudget", Map.of("value", "NaN")), "Total budget: must be a number, not 'NaN'"),
        Arguments.of("an impossible date", Map.of("plannedStartDate", Map.of("value", "2027-13-45")), "Planned start date: must be a date written YYYY-MM-DD"),
        Arguments.of("a far-future date", Map.of("plannedEndDate", Map.of("value", "+999999999-12-31")), "Planned end date: must lie between 2000-01-01 and 2100-12-31"),
        Arguments.of("a number where a list belongs", Map.of("thematicAreas", Map.of("value", 42)), "Thematic areas: must be a list"),
        Arguments.of("an object where a list belongs", Map.of("countries", Map.of("value", "{\"ZA\":true}", "type", "Json")), "Countries: must be a list"),
        Arguments.of("a list where text belongs", Map.of("title", Map.of("value", "[\"a\"]", "type", "Json")), "Title: must be text"),
        Arguments.of("a control character in a deliverable", Map.of("deliverables", Map.of("value", "Curriculum\nWorkshop\u001b[2J")), "Deliverables: must not contain control characters"),
        Arguments.of("a control character in an indicator", Map.of("indicators", Map.of("value", "Officials trained\u0000 | 0 | 120")), "Indicators: must not contain control characters"),
        Arguments.of("a line break in the title", Map.of("title", Map.of("value", "Training\nApproved by both agencies")), "Title: must be on one line"),
        Arguments.of("a region not in the list", Map.of("region", Map.of("value", "Atlantis")), "Region: 'Atlantis' is not one of Southern Africa, West Africa"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileProposals")
  void hostileInputIsRefusedClearlyAndNothingIsSaved(String what, Map<String, Object> change, String message) {
    long before = activities.count();
    ResponseEntity<JsonNode> refused = as("unodc-officer", HttpMethod.POST,
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form", startVariables(change));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    // in the words of the form: the field's label, no engine ids
    assertThat(refused.getBody().get("message").asText()).startsWith("Proposal refused: ").contains(message);
    assertThat(refused.getBody().get("problems").findValuesAsText("label")).contains(message.substring(0, message.indexOf(':')));
    assertThat(activities.count()).isEqualTo(before);
  }

  @Test
  void securityEventsAreLoggedForAudit(CapturedOutput log) {
    scenario.person("audited-user");
    ProcessInstance proposal = scenario.submitValid();
    Task unodc = scenario.task(proposal, "Task_ReviewProposal", "UNODC");

    http.withBasicAuth("audited-user", "wrong").getForEntity("/engine-rest/task", String.class);
    as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + unodc.getId() + "/claim", Map.of("userId", "iom-reviewer"));
    as("iom-reviewer", HttpMethod.PUT, "/engine-rest/task/" + unodc.getId() + "/variables/proposer", Map.of("value", "x"));
    ResponseEntity<String> webappLogin = WebappLogin.login(http, "tasklist", "audited-user", "wrong");

    assertThat(webappLogin.getStatusCode().value()).isEqualTo(401);
    assertThat(log.getOut())
        .contains("Login failed for 'audited-user' on the API")
        .contains("Refused iom-reviewer: The user with id 'iom-reviewer' does not have one of the following permissions")
        .contains("Refused: iom-reviewer tried to set the protected variable 'proposer'")
        .contains("Login failed for 'audited-user' on the webapps");
  }

  @Test
  void aRefusalIsLoggedOnceInWordsAndNotAsAnEngineError(CapturedOutput log) {
    ResponseEntity<JsonNode> refused = as("unodc-officer", HttpMethod.POST,
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form",
        startVariables(Map.of("totalBudget", Map.of("value", 95000))));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);

    String line = "Refused unodc-officer: Proposal refused: totalBudget: must equal the sum of the agencies' contributions";
    assertThat(log.getOut().lines().filter(l -> l.contains(line))).hasSize(1)
        .allMatch(l -> l.contains(" INFO "));
  }

  @Test
  void aUserNameCannotForgeLinesInTheSecurityLog(CapturedOutput log) {
    http.withBasicAuth("nobody\nRefused admin, forged on the API", "x").getForEntity("/engine-rest/task", String.class);
    WebappLogin.login(http, "tasklist", "nobody%0D%0ARefused%20admin,%20forged%20on%20the%20webapps", "x");

    assertThat(log.getOut().lines()).noneMatch(line -> line.startsWith("Refused admin, forged"));
    assertThat(log.getOut())
        .contains("Login failed for 'nobody\\u000aRefused admin, forged on the API' on the API")
        .contains("Login failed for 'nobody\\u000d\\u000aRefused admin, forged on the webapps' on the webapps");
  }

  @Test
  void malformedJsonIsABadRequest() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = http.withBasicAuth("unodc-officer", "demo").exchange(
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form", HttpMethod.POST,
        new HttpEntity<>("{\"variables\": {\"title\": ", headers), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesThatAreNotTheJsonTheyClaim")
  void aValueThatIsNotTheJsonItClaimsIsRefusedNamingTheField(String field, String label) {
    long before = activities.count();
    ResponseEntity<JsonNode> refused = as("unodc-officer", HttpMethod.POST,
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form",
        startVariables(Map.of(field, Map.of("value", "[not json", "type", "Json"))));
    assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).startsWith(label + ": is not valid JSON");
    assertThat(refused.getBody().get("problems").findValuesAsText("label")).containsExactly(label);
    assertThat(activities.count()).isEqualTo(before);
  }

  static Stream<Arguments> valuesThatAreNotTheJsonTheyClaim() {
    return Stream.of(Arguments.of("title", "Title"), Arguments.of("thematicAreas", "Thematic areas"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{\"variables\": []}", "{\"variables\": \"title\"}", "\"title\""})
  void aBodyThatIsNoFormSubmissionIsRefusedInWords(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> refused = http.withBasicAuth("unodc-officer", "demo").exchange(
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).isEqualTo(FormFieldsOnly.SHAPE);
  }

  @Test
  void markupIsStoredAsTextAndNeverServedAsMarkup() {
    String markup = "<img src=x onerror=alert(1)> Protección de víctimas — 保护";
    ResponseEntity<JsonNode> started = as("unodc-officer", HttpMethod.POST,
        "/engine-rest/process-definition/key/JointActivityProposal/submit-form",
        startVariables(Map.of("summary", Map.of("value", markup))));
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String reference = started.getBody().get("businessKey").asText();

    JsonNode record = as("unodc-manager", HttpMethod.GET, "/api/activities/" + reference, null).getBody();
    assertThat(record.at("/activity/summary").asText()).isEqualTo(markup);
    ResponseEntity<String> raw = http.withBasicAuth("unodc-manager", "demo").getForEntity("/api/activities/" + reference, String.class);
    assertThat(raw.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(raw.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void anOverlongReviewCommentIsRefused() {
    ProcessInstance proposal = scenario.submitValid();
    Task review = scenario.task(proposal, "Task_ReviewProposal", "IOM");
    Map<String, Object> body = variables("reviewDecision", "REJECT");
    ((Map<String, Object>) body.get("variables")).put("reviewComment", Map.of("value", "no ".repeat(2000)));
    ResponseEntity<JsonNode> refused = as("iom-reviewer", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/submit-form", body);
    assertThat(refused.getBody().get("message").asText()).contains("Review refused: Comment: must be at most 4000 characters");
    assertOpenAndUnclaimed(review);
  }

  private ResponseEntity<JsonNode> as(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** Process instance modification: cancel where the instance waits, start before {@code target}. */
  private static Map<String, Object> jumpTo(String target, String cancelled) {
    return Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", cancelled),
        Map.of("type", "startBeforeActivity", "activityId", target)));
  }

  /** A signature as the sign-off form submits it: the decision and the attestation. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> signing() {
    Map<String, Object> body = variables("signDecision", "SIGN");
    ((Map<String, Object>) body.get("variables")).put("signatureAttested", Map.of("value", true));
    return body;
  }

  private static Map<String, Object> variables(String name, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(name, Map.of("value", value));
    return new LinkedHashMap<>(Map.of("variables", variables));
  }

  /** A valid proposal as Tasklist submits it, with some variables replaced. */
  private static Map<String, Object> startVariables(Map<String, Object> changes) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Proposals.valid().forEach((name, value) -> variables.put(name,
        value instanceof TypedValue typed
            ? Map.of("value", String.valueOf(typed.getValue()), "type", "Json")
            : Map.of("value", value)));
    variables.putAll(changes);
    return new LinkedHashMap<>(Map.of("variables", variables));
  }

  private void assertOpenAndUnclaimed(Task task) {
    Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(now).as("task still open").isNotNull();
    assertThat(now.getAssignee()).isNull();
  }
}
