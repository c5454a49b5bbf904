package org.jointactivities.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.support.KeycloakServer;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.ProviderOnDirectory;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID provider: Keycloak with the agencies' realm, federating a
 * real OpenLDAP server with the demo organisation; the application in the {@code ldap} and
 * {@code sso} profiles (config/application-sso.yml). People sign in to the webapps at the provider
 * with their directory passwords; integrations call the APIs with the provider's bearer tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-sso-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "joint-activities.notifications.delivery.senders=0",
    "joint-activities.mail-sink.port=0",
    "joint-activities.notifications.reminder-scan-interval=P1D",
    "logging.level.root=WARN",
    "logging.level.org.camunda.bpm.engine.context=OFF"
})
@ActiveProfiles({"ldap", "sso"})
@Import(Scenario.class)
class KeycloakSignInOnLdapTest {

  static final ProviderOnDirectory SIGN_IN = ProviderOnDirectory.start();
  static final KeycloakServer PROVIDER = SIGN_IN.provider;
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired RuntimeService runtime;

  @DynamicPropertySource
  static void directoryAndProvider(DynamicPropertyRegistry properties) {
    SIGN_IN.addTo(properties);
  }

  @AfterAll
  static void stopServers() {
    SIGN_IN.close();
  }

  @Test
  void anOfficersBearerTokenCallsTheApisAsHerWithTheRolesHerDirectoryGroupsMapTo() throws Exception {
    String amina = PROVIDER.accessToken(KeycloakServer.CLIENT, "amina.diallo", "demo");
    HttpResponse<String> submitted = send(bearer(amina, "/engine-rest/process-definition/key/JointActivityProposal/submit-form")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", Proposals.overRest(proposal())))))
        .build());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    String reference = JSON.readTree(submitted.body()).get("businessKey").asText();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("JointActivityProposal")
        .processInstanceBusinessKey(reference).singleResult();
    assertThat(scenario.audit(instance)).extracting(AuditEntry::getActor).contains("amina.diallo");

    // the IOM focal point's token holds iom-reviewers (the token's "IOM Focal Points - UNODC Cooperation"): her review task
    JsonNode sofiasTasks = json(send(bearer(PROVIDER.accessToken(KeycloakServer.CLIENT, "sofia.reyes", "demo"),
        "/engine-rest/task?processInstanceBusinessKey=" + reference).build()));
    assertThat(sofiasTasks.findValuesAsText("taskDefinitionKey")).containsExactly("Task_ReviewSubject");
    // in the directory, in no group mapped to a role: signed in, and sees nothing
    HttpResponse<String> ines = send(bearer(PROVIDER.accessToken(KeycloakServer.CLIENT, "ines.garcia", "demo"),
        "/engine-rest/task").build());
    assertThat(ines.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ines.body())).isEmpty();
    // an officer is not a reviewer: the same task is not hers
    assertThat(json(send(bearer(amina, "/engine-rest/task?processInstanceBusinessKey=" + reference).build()))).isEmpty();
  }

  @Test
  void theApisRefuseEveryTokenNotIssuedForThemAndPasswords() throws Exception {
    String amina = PROVIDER.accessToken(KeycloakServer.CLIENT, "amina.diallo", "demo");
    assertThat(send(bearer(amina, "/engine-rest/task").build()).statusCode()).isEqualTo(200);

    HttpResponse<String> none = send(request("/engine-rest/task").build());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    // another application's token of the same provider: not meant for us (its audience does not name us)
    String other = PROVIDER.accessToken(KeycloakServer.OTHER_CLIENT, "amina.diallo", "demo");
    assertThat(send(bearer(other, "/engine-rest/task").build()).statusCode()).isEqualTo(401);
    assertThat(send(bearer(other, "/api/activities").build()).statusCode()).isEqualTo(401);
    // a token whose claims were changed after signing: sofia's groups on amina's signature
    String[] parts = amina.split("\\.");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"amina.diallo\"", "\"sofia.reyes\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertThat(send(bearer(forged, "/engine-rest/task").build()).statusCode()).isEqualTo(401);
    assertThat(send(bearer("not-a-token", "/engine-rest/task").build()).statusCode()).isEqualTo(401);
    // passwords are the provider's business: the APIs take none
    String basic = Base64.getEncoder().encodeToString("amina.diallo:demo".getBytes(StandardCharsets.UTF_8));
    assertThat(send(request("/engine-rest/task").header("Authorization", "Basic " + basic).build()).statusCode()).isEqualTo(401);
    // health stays open for the load balancer
    assertThat(send(request("/actuator/health/readiness").build()).statusCode()).isEqualTo(200);
  }

  @Test
  void anOfficerSignsInAtTheProviderLandsInTheWebappsAsHerselfAndLoggingOutEndsBothSessions() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookies()).followRedirects(HttpClient.Redirect.NEVER).build();
    // the webapps send her to the provider's login page
    HttpResponse<String> page = follow(browser, request("/camunda/app/tasklist/default/").build());
    assertThat(page.uri().toString()).startsWith(PROVIDER.issuer() + "/protocol/openid-connect/auth");
    assertThat(page.body()).contains("kc-form-login");

    HttpResponse<String> landed = follow(browser, login(page, "amina.diallo", "demo"));
    assertThat(landed.uri().toString()).startsWith(url("/camunda/app/tasklist/default/"));
    assertThat(landed.statusCode()).isEqualTo(200);
    JsonNode user = JSON.readTree(send(browser, request("/camunda/api/admin/auth/user/default").build()).body());
    assertThat(user.get("userId").asText()).isEqualTo("amina.diallo");
    assertThat(user.get("authorizedApps").toString()).contains("\"tasklist\"");
    // the webapps' menu "Log out" is rewired to the logout below
    assertThat(send(browser, request("/camunda/app/joint-activities/logout.js").build()).body())
        .contains("fetch(`${context}/logout`").contains("li.logout > a");
    // the webapps' own login form takes no directory password beside the provider's sign-in
    HttpResponse<String> ownLogin = send(browser, request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=jean.moreau&password=demo")).build());
    assertThat(ownLogin.statusCode()).isEqualTo(403);
    // a logout another site makes her browser send is refused
    assertThat(send(browser, request("/logout").header("Origin", "https://elsewhere.example")
        .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(403);

    HttpResponse<String> loggedOut = follow(browser, request("/logout").POST(HttpRequest.BodyPublishers.noBody()).build());
    // signed out of the webapps and at the provider: Tasklist asks her to sign in again
    assertThat(loggedOut.uri().toString()).startsWith(PROVIDER.issuer() + "/protocol/openid-connect/auth");
    assertThat(loggedOut.body()).contains("kc-form-login");
    assertThat(send(browser, request("/camunda/api/admin/auth/user/default").build()).statusCode()).isNotEqualTo(200);
  }

  @Test
  void theWebappsLogoutScriptIsToldWhereTheProviderEndsTheSession() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookies()).followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> landed = follow(browser, login(follow(browser, request("/camunda/app/tasklist/default/").build()),
        "jean.moreau", "demo"));
    assertThat(landed.statusCode()).isEqualTo(200);

    // as the menu's script asks: the answer names the provider's end-session address instead of a
    // redirect, which the webapps' Content-Security-Policy (form-action 'self') would hold
    HttpResponse<String> answer = send(browser, request("/logout").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(answer.statusCode()).isEqualTo(200);
    String signOutAt = JSON.readTree(answer.body()).get("signOutAt").asText();
    assertThat(signOutAt).startsWith(PROVIDER.issuer() + "/protocol/openid-connect/logout")
        .contains("id_token_hint=").contains("post_logout_redirect_uri=");
    assertThat(send(browser, request("/camunda/api/admin/auth/user/default").build()).statusCode()).isNotEqualTo(200);
    HttpResponse<String> atTheProvider = follow(browser, HttpRequest.newBuilder(URI.create(signOutAt)).build());
    assertThat(atTheProvider.uri().toString()).startsWith(PROVIDER.issuer() + "/protocol/openid-connect/auth");
    assertThat(atTheProvider.body()).contains("kc-form-login");
  }

  /**
   * Cookies as a browser keeps them for http://localhost, a secure context: also those marked
   * Secure, which the provider's sign-in sets (Java's cookie manager sends them over https only).
   */
  private static final class LocalhostCookies extends CookieHandler {

    private final CookieManager cookies = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
      return cookies.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      cookies.put(uri, headers);
    }
  }

  /** Follows redirects as a browser does (GET after a redirect), keeping cookies; the hops are printed. */
  private static HttpResponse<String> follow(HttpClient browser, HttpRequest first) throws Exception {
    HttpResponse<String> response = send(browser, first);
    for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      response = send(browser, HttpRequest.newBuilder(next).build());
    }
    return response;
  }

  /** Fills in the provider's login form shown in {@code page} and sends it. */
  private static HttpRequest login(HttpResponse<String> page, String username, String password) {
    Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
        .matcher(page.body());
    assertThat(action.find()).as("the provider's login form").isTrue();
    String target = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
    String form = Map.of("username", username, "password", password, "credentialId", "").entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(page.uri().resolve(target)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path)));
  }

  private HttpRequest.Builder bearer(String token, String path) {
    return request(path).header("Authorization", "Bearer " + token);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return send(HttpClient.newHttpClient(), request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Map<String, Object> proposal() {
    Map<String, Object> proposal = Proposals.valid();
    proposal.put("leadFocalPoint", "lucia.fernandez");
    proposal.put("partnerFocalPoint", "sofia.reyes");
    return proposal;
  }
}
