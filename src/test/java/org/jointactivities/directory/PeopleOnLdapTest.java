package org.jointactivities.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.notification.MailSink;
import org.jointactivities.support.Mails;
import org.jointactivities.support.OpenLdapServer;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.jointactivities.support.WebappLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The agencies' people from their directory: a real OpenLDAP server holding the demo organisation
 * under its own names (directory/demo-organisation.ldif), the application in the {@code ldap}
 * profile with the group mapping of config/application-ldap.yml. Nobody is typed into Camunda.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-ldap-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "joint-activities.notifications.delivery.senders=0",
    "joint-activities.mail-sink.port=0",
    "joint-activities.notifications.reminder-scan-interval=P1D",
    "logging.level.root=WARN",
    "logging.level.org.camunda.bpm.engine.context=OFF"
})
@ActiveProfiles("ldap")
@Import(Scenario.class)
class PeopleOnLdapTest {

  static final String SUFFIX = "dc=agencies,dc=example";
  static final OpenLdapServer DIRECTORY = OpenLdapServer.start(SUFFIX, "/directory/demo-organisation.ldif");
  static final String PASSWORD = "demo";

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired MailSink sink;
  @Autowired RuntimeService runtime;

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry properties) {
    DIRECTORY.addTo(properties, SUFFIX);
  }

  @AfterAll
  static void stopDirectory() {
    DIRECTORY.close();
  }

  @Test
  void peopleSignInWithTheirDirectoryPasswordAndHoldTheRolesTheirDirectoryGroupsMapTo() {
    assertThat(get("amina.diallo", PASSWORD, "/engine-rest/user/amina.diallo/profile").getStatusCode().value()).isEqualTo(200);
    assertThat(get("amina.diallo", "wrong", "/engine-rest/user/amina.diallo/profile").getStatusCode().value()).isEqualTo(401);
    assertThat(get("nobody.known", PASSWORD, "/engine-rest/user/nobody.known/profile").getStatusCode().value()).isEqualTo(401);

    JsonNode amina = get("amina.diallo", PASSWORD, "/engine-rest/user/amina.diallo/profile").getBody();
    assertThat(amina.get("firstName").asText()).isEqualTo("Amina");
    assertThat(amina.get("email").asText()).isEqualTo("amina.diallo@unodc.org");
    // in two directory groups that both make UNODC's officers: an officer, once
    assertThat(groupsOf("amina.diallo")).containsExactly("unodc-officers");
    assertThat(groupsOf("jean.moreau")).containsExactly("unodc-officers");
    // in two directory groups that make two roles: both
    assertThat(groupsOf("grace.okafor")).containsExactlyInAnyOrder("unodc-managers", "unodc-signatories-programme-manager");
    assertThat(groupsOf("sofia.reyes")).containsExactly("iom-reviewers");
    assertThat(groupsOf("it.support")).containsExactly("camunda-admin");
    // in the directory, but in no group mapped to a role: signs in and holds nothing
    assertThat(groupsOf("ines.garcia")).isEmpty();
    Map<String, Object> proposal = Proposals.valid();
    proposal.put("leadFocalPoint", "lucia.fernandez");
    proposal.put("partnerFocalPoint", "sofia.reyes");
    scenario.submit("amina.diallo", proposal);
    assertThat(get("sofia.reyes", PASSWORD, "/engine-rest/task").getBody()).isNotEmpty();
    assertThat(get("ines.garcia", PASSWORD, "/engine-rest/task").getBody()).isEmpty();
  }

  @Test
  void whoSignsInIsTheDirectorysUserIdHoweverItIsTyped() {
    // the directory matches ids regardless of case: the engine must see one id, or four-eyes would not
    ResponseEntity<JsonNode> submitted = post("AMINA.DIALLO", "/engine-rest/process-definition/key/JointActivityProposal/submit-form",
        Map.of("variables", Proposals.overRest(proposalOf("lucia.fernandez", "sofia.reyes"))));
    assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(200);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("JointActivityProposal")
        .processInstanceBusinessKey(submitted.getBody().get("businessKey").asText()).singleResult();
    assertThat(scenario.audit(instance)).extracting(AuditEntry::getActor).contains("amina.diallo").doesNotContain("AMINA.DIALLO");
  }

  @Test
  void whatPeopleTypeIntoASearchStaysAValueInTheDirectorysFilter() {
    // an injected filter would match everyone whose first name exists
    ResponseEntity<JsonNode> injected = get("it.support", PASSWORD, "/engine-rest/user?firstName=*)(uid=*");
    assertThat(injected.getStatusCode().value()).as(String.valueOf(injected.getBody())).isEqualTo(200);
    assertThat(injected.getBody()).isEmpty();
    assertThat(ids(get("it.support", PASSWORD, "/engine-rest/user?lastNameLike=Dia%25").getBody())).containsExactly("amina.diallo");
    assertThat(ids(get("it.support", PASSWORD, "/engine-rest/user?firstNameLike=%25)(uid=%25").getBody())).isEmpty();
  }

  @Test
  void theEngineSeesOurGroupsMadeOfTheDirectorysNeverTheDirectorysOwn() {
    JsonNode groups = get("it.support", PASSWORD, "/engine-rest/group?sortBy=id&sortOrder=asc").getBody();
    assertThat(ids(groups)).containsExactly("camunda-admin", "iom-data-protection", "iom-managers", "iom-officers",
        "iom-reviewers", "iom-signatories-director", "iom-signatories-head-of-agency", "iom-signatories-programme-manager",
        "unodc-data-protection", "unodc-managers", "unodc-officers", "unodc-reviewers", "unodc-signatories-director",
        "unodc-signatories-head-of-agency", "unodc-signatories-programme-manager");
    assertThat(groups.toString()).doesNotContain("All Staff").contains("\"UNODC programme officers\"");
    assertThat(get("it.support", PASSWORD, "/engine-rest/group/count?nameLike=%25reviewers%25").getBody().get("count").asInt())
        .isEqualTo(2);
    assertThat(get("it.support", PASSWORD, "/engine-rest/group/All%20Staff").getStatusCode().value()).isEqualTo(404);

    JsonNode officers = get("it.support", PASSWORD, "/engine-rest/user?memberOfGroup=unodc-officers&sortBy=userId&sortOrder=asc").getBody();
    assertThat(ids(officers)).containsExactly("amina.diallo", "jean.moreau");
    assertThat(get("it.support", PASSWORD, "/engine-rest/user/count?memberOfGroup=unodc-officers").getBody().get("count").asInt())
        .isEqualTo(2);
    assertThat(ids(get("it.support", PASSWORD, "/engine-rest/user?memberOfGroup=unodc-officers&firstResult=1&maxResults=1")
        .getBody())).containsExactly("jean.moreau");
    assertThat(ids(get("it.support", PASSWORD, "/engine-rest/user?memberOfGroup=All%20Staff").getBody())).isEmpty();
  }

  @Test
  void adminsListOfPeopleSortsAndPagesEitherWay() {
    // the directory has no sort control: the plugin refused descending order (500) and sorted nothing
    ResponseEntity<JsonNode> descending = get("it.support", PASSWORD, "/engine-rest/user?sortBy=userId&sortOrder=desc&maxResults=3");
    assertThat(descending.getStatusCode().value()).as(String.valueOf(descending.getBody())).isEqualTo(200);
    assertThat(ids(descending.getBody())).containsExactly("sofia.reyes", "peter.novak", "omar.haddad");
    assertThat(ids(get("it.support", PASSWORD, "/engine-rest/user?sortBy=lastName&sortOrder=asc&firstResult=1&maxResults=2")
        .getBody())).containsExactly("amina.diallo", "lucia.fernandez");
  }

  @Test
  void nothingIsWrittenToCamundasOwnStoreAndAdminCannotChangeWhoIsWho() {
    assertThat(identity.isReadOnly()).isTrue();
    // the demo setup adds no people, the roles add no groups: the directory has them
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_GROUP", Integer.class)).isZero();

    ResponseEntity<JsonNode> created = post("it.support", "/engine-rest/user/create",
        Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@example.org"),
            "credentials", Map.of("password", "Intruder-Password-1")));
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isBetween(400, 499);
    ResponseEntity<JsonNode> member = put("it.support", "/engine-rest/group/camunda-admin/members/ines.garcia");
    assertThat(member.getStatusCode().value()).as(String.valueOf(member.getBody())).isBetween(400, 499);
    assertThat(groupsOf("ines.garcia")).isEmpty();
  }

  @Test
  void aProposalGoesFromTheDirectorysOfficerThroughItsReviewersToItsSignatoriesByTheirDirectoryAddresses() {
    sink.clear();
    ProcessInstance instance = scenario.submit("amina.diallo", proposalOf("lucia.fernandez", "sofia.reyes"));
    scenario.runJobs();
    assertThat(mailsAbout(instance, "Review proposal")).flatExtracting(Mails::to)
        .containsExactlyInAnyOrder("lucia.fernandez@unodc.org", "sofia.reyes@iom.int");

    scenario.review(instance, "lucia.fernandez", "UNODC", "APPROVE", null);
    scenario.review(instance, "sofia.reyes", "IOM", "APPROVE", null);
    // 90 000 USD, low risk: programme-manager level, so every signatory at that level or above is told
    assertThat(mailsAbout(instance, "Sign joint activity")).flatExtracting(Mails::to).containsExactlyInAnyOrder(
        "grace.okafor@unodc.org", "hiroshi.tanaka@unodc.org", "elena.petrova@unodc.org",
        "fatima.zahra@iom.int", "daniel.costa@iom.int", "maria.lopez@iom.int");
    scenario.sign(instance, "grace.okafor", "UNODC");
    scenario.sign(instance, "daniel.costa", "IOM");

    assertThat(scenario.activity(instance).getState()).isEqualTo(ActivityState.SIGNED);
    assertThat(scenario.audit(instance)).extracting(AuditEntry::getActor)
        .contains("amina.diallo", "lucia.fernandez", "sofia.reyes", "grace.okafor", "daniel.costa");
  }

  @Test
  void aFocalPointWhoIsNoReviewerInTheDirectoryIsRefusedByName() {
    Map<String, Object> proposal = Proposals.with("leadFocalPoint", "amina.diallo");
    proposal.put("partnerFocalPoint", "sofia.reyes");
    ResponseEntity<JsonNode> refused = post("amina.diallo", "/engine-rest/process-definition/key/JointActivityProposal/submit-form",
        Map.of("variables", Proposals.overRest(proposal)));
    assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).contains("'amina.diallo' is not a reviewer (focal point) of UNODC");
  }

  @Test
  void officersSignInToTasklistWithTheirDirectoryPassword() {
    ResponseEntity<String> login = WebappLogin.login(http, "tasklist", "omar.haddad", PASSWORD);
    assertThat(login.getStatusCode().value()).as(login.getBody()).isEqualTo(200);
    assertThat(login.getBody()).contains("\"userId\":\"omar.haddad\"").contains("tasklist");
    assertThat(WebappLogin.login(http, "tasklist", "omar.haddad", "wrong").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void whileTheDirectoryIsAwayWorkInAWebappSessionAnswers503InWordsAndNothingIsChanged() {
    ProcessInstance instance = scenario.submit("amina.diallo", proposalOf("lucia.fernandez", "sofia.reyes"));
    String review = scenario.task(instance, "Task_ReviewProposal", "IOM").getId();
    ResponseEntity<String> login = WebappLogin.login(http, "tasklist", "sofia.reyes", PASSWORD);
    assertThat(login.getStatusCode().value()).isEqualTo(200);
    String session = WebappLogin.cookies(login);
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    headers.add("X-XSRF-TOKEN", WebappLogin.csrfToken(http, session));
    headers.setContentType(MediaType.APPLICATION_JSON);
    DIRECTORY.stop();
    try {
      // the review task's rules ask the directory who the reviewer is
      ResponseEntity<JsonNode> decided = http.exchange("/camunda/api/engine/engine/default/task/" + review + "/submit-form",
          HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"))), headers),
          JsonNode.class);
      assertThat(decided.getStatusCode().value()).as(String.valueOf(decided.getBody())).isEqualTo(503);
      // Camunda's REST API puts "Cannot submit task form <id>: " before every refusal of a form
      assertThat(decided.getBody().get("message").asText())
          .contains("The directory that holds people and their groups cannot be reached just now").doesNotContain("LDAP");
    } finally {
      DIRECTORY.startAgain();
    }
    assertThat(scenario.task(instance, "Task_ReviewProposal", "IOM").getId()).as("the review is still open").isEqualTo(review);
  }

  @Test
  void whileTheDirectoryIsAwaySignInAnswers503InWordsAndWorksAgainOnceItIsBack() {
    DIRECTORY.stop();
    try {
      ResponseEntity<JsonNode> api = get("amina.diallo", PASSWORD, "/engine-rest/task");
      assertThat(api.getStatusCode().value()).as(String.valueOf(api.getBody())).isEqualTo(503);
      assertThat(api.getHeaders().getFirst("Retry-After")).isEqualTo("30");
      assertThat(api.getBody().get("message").asText())
          .startsWith("The directory that holds people and their groups cannot be reached just now")
          .doesNotContain("LDAP").doesNotContain("Exception");

      ResponseEntity<String> tasklist = WebappLogin.login(http, "tasklist", "omar.haddad", PASSWORD);
      assertThat(tasklist.getStatusCode().value()).as(tasklist.getBody()).isEqualTo(503);
      assertThat(tasklist.getBody()).contains("The directory that holds people and their groups cannot be reached");
    } finally {
      DIRECTORY.startAgain();
    }
    assertThat(get("amina.diallo", PASSWORD, "/engine-rest/task").getStatusCode().value()).isEqualTo(200);
  }

  private static Map<String, Object> proposalOf(String leadFocalPoint, String partnerFocalPoint) {
    Map<String, Object> proposal = Proposals.valid();
    proposal.put("leadFocalPoint", leadFocalPoint);
    proposal.put("partnerFocalPoint", partnerFocalPoint);
    return proposal;
  }

  private List<String> groupsOf(String userId) {
    return ids(get(userId, PASSWORD, "/engine-rest/group?member=" + userId).getBody());
  }

  private static List<String> ids(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(item -> item.get("id").asText()).toList();
  }

  private List<Mails> mailsAbout(ProcessInstance instance, String subject) {
    scenario.runJobs();
    return sink.received().stream().map(Mails::new)
        .filter(mail -> mail.subject().startsWith(instance.getBusinessKey() + ": " + subject)).toList();
  }

  private ResponseEntity<JsonNode> get(String user, String password, String path) {
    // as the path is written: percent signs already encoded stay so
    return http.withBasicAuth(user, password).exchange(URI.create(http.getRootUri() + path), HttpMethod.GET, null,
        JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, json(body), JsonNode.class);
  }

  private ResponseEntity<JsonNode> put(String user, String path) {
    return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.PUT, json(Map.of()), JsonNode.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
