package org.jointactivities.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.support.KeycloakServer;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.ProviderOnDirectory;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on in the browser: a real Keycloak federating a real OpenLDAP server with the demo
 * organisation, the application in the {@code ldap} and {@code sso} profiles. An officer opens
 * Tasklist, signs in on the provider's page with her directory password, lands in Tasklist with
 * her task, and logging out there ends her session at the provider too.
 */
@BrowserTest
@ActiveProfiles({"ldap", "sso"})
@Import(Scenario.class)
class KeycloakSignInOnLdapBrowserIT {

  static final ProviderOnDirectory SIGN_IN = ProviderOnDirectory.start();
  static final KeycloakServer PROVIDER = SIGN_IN.provider;
  static final By PROVIDER_LOGIN = By.id("kc-form-login");

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired TaskService tasks;

  @DynamicPropertySource
  static void directoryAndProvider(DynamicPropertyRegistry properties) {
    SIGN_IN.addTo(properties);
  }

  @AfterAll
  static void stopServers() {
    SIGN_IN.close();
  }

  @Test
  void anOfficerSignsInAtTheProviderLandsInTasklistWithHerTaskAndLogsOutOfBoth() {
    String reference = proposalSentBackForRevision();
    try (Browser browser = Browser.open(port)) {
      browser.go("/camunda/app/tasklist/default/");
      browser.visible(PROVIDER_LOGIN, "the provider's login page");
      assertThat(browser.driver.getCurrentUrl()).startsWith(PROVIDER.issuer());
      browser.driver.findElement(By.id("username")).sendKeys("amina.diallo");
      browser.driver.findElement(By.id("password")).sendKeys("demo");
      browser.screenshot("sso-provider-login");
      browser.click(By.id("kc-login"), "Sign in");

      browser.visible(By.xpath("//*[contains(normalize-space(), 'Amina Diallo')]"), "her name in Tasklist");
      assertThat(browser.driver.getCurrentUrl()).startsWith(browser.baseUrl + "/camunda/app/tasklist/");
      Tasklist tasklist = Tasklist.alreadyLoggedIn(browser);
      tasklist.openFilter("My tasks");
      browser.visible(Tasklist.taskInList("Revise proposal", reference), "her revision task");
      browser.screenshot("sso-officer-in-tasklist");

      browser.click(By.cssSelector("li.account > a"), "her account menu");
      browser.click(By.cssSelector("li.logout > a[data-single-sign-on]"), "Log out");
      browser.visible(PROVIDER_LOGIN, "the provider's login page after logging out");
      browser.screenshot("sso-logged-out");
      // signed out at the provider too: Tasklist does not sign her straight back in
      browser.go("/camunda/app/tasklist/default/");
      browser.visible(PROVIDER_LOGIN, "the provider's login page on coming back");
    }
  }

  /** Amina's proposal, on which UNODC's focal point asked for changes: a revision task of hers. */
  private String proposalSentBackForRevision() {
    Map<String, Object> proposal = Proposals.valid();
    proposal.put("leadFocalPoint", "lucia.fernandez");
    proposal.put("partnerFocalPoint", "sofia.reyes");
    ProcessInstance instance = scenario.submit("amina.diallo", proposal);
    awaitTasks(instance, "Task_ReviewSubject", 2);
    // the job executor runs here (BrowserTest): the decisions only, no jobs run by the test
    scenario.complete("lucia.fernandez", scenario.task(instance, "Task_ReviewProposal", "UNODC"),
        Map.of("reviewDecision", "REQUEST_CHANGES", "reviewComment", "Please add the border posts concerned."));
    scenario.complete("sofia.reyes", scenario.task(instance, "Task_ReviewProposal", "IOM"), Map.of("reviewDecision", "APPROVE"));
    awaitTasks(instance, "Task_ReviseProposal", 1);
    return instance.getBusinessKey();
  }

  private List<Task> awaitTasks(ProcessInstance instance, String taskKey, int count) {
    return Await.value(() -> Optional.of(tasks.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskKey).list()).filter(open -> open.size() == count), count + " open " + taskKey);
  }
}
