package org.jointactivities.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.JointActivitiesApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;

/**
 * The production profile refuses to start with demo users, demo passwords, the mail sink, H2, the
 * engine's authorization off, or without a properly given administrator. And what a fresh
 * installation keeps shut: Camunda Admin's setup page, and (production) deployments over the API.
 */
class ProductionStartupTest {

  static final String STRONG_PASSWORD = "Str0ng-and-l0ng!";
  static final String CLAMD = ProductionSafety.CLAMD;

  final String database = "jdbc:h2:mem:ja-production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  final String engine = "production-test-" + UUID.randomUUID();

  @Test
  void refusesTheDemoSetup() {
    assertThatThrownBy(() -> start(true, "--joint-activities.demo.enabled=true"))
        .hasStackTraceContaining("Refusing to start with the production profile: joint-activities.demo.enabled is true");
  }

  @Test
  void refusesTheLocalMailSink() {
    assertThatThrownBy(() -> start(true, "--joint-activities.mail-sink.enabled=true"))
        .hasStackTraceContaining("joint-activities.mail-sink.enabled is true: production mail goes to a real SMTP server");
  }

  @Test
  void refusesUploadsWithoutAVirusScanner() {
    assertThatThrownBy(() -> start(true, "--" + CLAMD + "="))
        .hasStackTraceContaining("Refusing to start with the production profile: joint-activities.documents.clamd.host names no"
            + " clamd (JA_CLAMD_HOST): documents uploaded in production are scanned for viruses");
  }

  @Test
  void refusesUsersLeftWithTheDemoPasswordEvenWhenLocked() {
    // a demo run leaves its users behind in the database; one of them locked for good by a wrong password
    String oneAttempt = "--camunda.bpm.generic-properties.properties.login-max-attempts=1";
    try (ConfigurableApplicationContext demo = start(false, oneAttempt)) {
      IdentityService identity = demo.getBean(IdentityService.class);
      identity.checkPassword("unodc-officer", "wrong");
      assertThat(identity.checkPassword("unodc-officer", "demo")).as("locked").isFalse();
    }
    assertThatThrownBy(() -> start(true, oneAttempt))
        .rootCause().hasMessageContaining("these users still have the demo password: ")
        .hasMessageFindingMatch("[:,] unodc-officer(,| —)");
  }

  @Test
  void refusesTheEngineWithoutAuthorizationChecks() {
    assertThatThrownBy(() -> start(true, "--camunda.bpm.authorization.enabled=false"))
        .hasStackTraceContaining("the engine's authorization checks are off (camunda.bpm.authorization.enabled)");
  }

  @Test
  void refusesToStartWithoutAnAdministrator() {
    assertThatThrownBy(() -> start(true))
        .hasStackTraceContaining("there is no administrator (no member of camunda-admin): create the first one");
  }

  @Test
  void refusesAnAdministratorFromConfigurationWithoutARealPassword() {
    for (String password : new String[] {null, "root", "demo"}) {
      assertThatThrownBy(() -> start(true, "--camunda.bpm.admin-user.id=root",
          password == null ? "--unused=" : "--camunda.bpm.admin-user.password=" + password))
          .as(String.valueOf(password))
          .hasStackTraceContaining("camunda.bpm.admin-user.id is set, but camunda.bpm.admin-user.password is missing, "
              + "the user id or the demo password");
    }
  }

  @Test
  void refusesH2JudgedByTheDatabaseItself() {
    // an administrator with a real password passes; then the database is judged, whatever the URL property says
    assertThatThrownBy(() -> start(true, "--camunda.bpm.admin-user.id=root",
        "--camunda.bpm.admin-user.password=" + STRONG_PASSWORD, "--spring.datasource.url=",
        "--spring.datasource.hikari.jdbc-url=" + database))
        .hasStackTraceContaining("the database is H2 (jdbc:h2:mem:ja-production-")
        .hasStackTraceContaining("production runs on PostgreSQL");
  }

  @Test
  void productionDeploysNothingOverTheApi() throws IOException {
    var production = new YamlPropertySourceLoader()
        .load("production", new FileSystemResource("config/application-production.yml")).get(0);
    assertThat(production.getProperty("joint-activities.rest-deployment.enabled")).isEqualTo(false);
  }

  @Test
  void aFreshInstallationOffersNeitherTheSetupPageNorDeploymentsWhereSwitchedOff() throws Exception {
    try (ConfigurableApplicationContext fresh = start(false, "--joint-activities.demo.enabled=false",
        "--joint-activities.rest-deployment.enabled=false")) {
      String base = "http://localhost:" + fresh.getEnvironment().getProperty("local.server.port");
      IdentityService identity = fresh.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().count()).as("no users yet: Camunda would offer its setup").isZero();

      // whoever comes first, as Camunda Admin's setup page posts it: with the webapps' CSRF token
      CookieManager cookies = new CookieManager();
      HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
      browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/admin/")).build(),
          HttpResponse.BodyHandlers.discarding());
      String token = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElseThrow();
      HttpResponse<String> setup = browser.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/setup/" + engine + "/user/create"))
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\","
              + "\"lastName\":\"N\",\"email\":\"i@example.org\"},\"credentials\":{\"password\":\"" + STRONG_PASSWORD + "\"}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(setup.statusCode()).isEqualTo(403);
      assertThat(setup.body()).contains("The setup of a first administrator in Camunda Admin is switched off");
      assertThat(identity.createUserQuery().count()).isZero();

      // someone Camunda would let deploy
      User deployer = identity.newUser("deployer");
      deployer.setPassword(STRONG_PASSWORD);
      identity.saveUser(deployer);
      AuthorizationService authorizations = fresh.getBean(AuthorizationService.class);
      Authorization deploy = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      deploy.setUserId("deployer");
      deploy.setResource(Resources.DEPLOYMENT);
      deploy.setResourceId(Authorization.ANY);
      deploy.addPermission(Permissions.CREATE);
      authorizations.saveAuthorization(deploy);
      HttpResponse<String> deployment = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base + "/engine-rest/deployment/create"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("deployer:" + STRONG_PASSWORD).getBytes()))
          .header("Content-Type", "multipart/form-data; boundary=probe")
          .POST(HttpRequest.BodyPublishers.ofString("--probe\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
              + "over-the-api\r\n--probe\r\nContent-Disposition: form-data; name=\"note.txt\"; filename=\"note.txt\"\r\n"
              + "Content-Type: text/plain\r\n\r\nharmless\r\n--probe--\r\n"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(deployment.statusCode()).isEqualTo(403);
      assertThat(deployment.body()).contains("Deploying over the API is switched off here");
      assertThat(fresh.getBean(RepositoryService.class).createDeploymentQuery().deploymentName("over-the-api").count())
          .isZero();
    }
  }

  private ConfigurableApplicationContext start(boolean production, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=" + engine,
        "--camunda.bpm.job-execution.enabled=false",
        "--joint-activities.notifications.delivery.senders=0",
        "--joint-activities.mail-sink.port=0",
        "--spring.mail.port=3128",
        "--logging.level.root=OFF"));
    if (production) {
      args.addAll(List.of("--spring.profiles.active=production", "--spring.mail.host=localhost",
          "--joint-activities.notifications.tasklist-url=https://ja.example.org/camunda/app/tasklist/default/",
          "--joint-activities.notifications.from=ja@example.org"));
    }
    args.addAll(List.of(extra));
    // a scanner named unless the test names its own (a repeated argument would join both values)
    if (production && args.stream().noneMatch(arg -> arg.startsWith("--" + CLAMD + "="))) {
      args.add("--" + CLAMD + "=localhost");
    }
    return new SpringApplicationBuilder(JointActivitiesApplication.class).run(args.toArray(String[]::new));
  }
}
