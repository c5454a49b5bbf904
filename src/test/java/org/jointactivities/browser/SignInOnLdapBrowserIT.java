package org.jointactivities.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.jointactivities.support.OpenLdapServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * People from the agencies' directory in the browser: a real OpenLDAP server with the demo
 * organisation in its own naming, the application in the ldap profile. An officer signs in to
 * Tasklist with her directory password and finds her role's filters; while the directory is away,
 * the login page says why nobody can sign in.
 */
@BrowserTest
@ActiveProfiles("ldap")
class SignInOnLdapBrowserIT {

  static final String SUFFIX = "dc=agencies,dc=example";
  static final OpenLdapServer DIRECTORY = OpenLdapServer.start(SUFFIX, "/directory/demo-organisation.ldif");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry properties) {
    DIRECTORY.addTo(properties, SUFFIX);
  }

  @AfterAll
  static void stopDirectory() {
    DIRECTORY.close();
  }

  @Test
  void anOfficerSignsInToTasklistWithHerDirectoryPasswordAndFindsHerRolesFilters() {
    try (Browser browser = Browser.open(port)) {
      browser.login("tasklist", "amina.diallo");
      browser.visible(By.xpath("//*[contains(normalize-space(), 'Amina Diallo')]"), "her name from the directory");
      // the filter's link also holds its (hidden) task count once it has loaded
      browser.visible(By.xpath("//*[contains(@class, 'task-filter')]//h4[contains(@class, 'name')]//a[contains(normalize-space(),"
          + " \"My agency's reports\")]"), "the officers' filter");
      browser.waitFor(d -> !browser.text().contains("Loading"), "her task list to load");
      browser.screenshot("directory-officer-in-tasklist");
    }
  }

  @Test
  void whileTheDirectoryIsAwayTheLoginPageSaysWhyNobodyCanSignIn() {
    try (Browser browser = Browser.open(port)) {
      DIRECTORY.stop();
      try {
        browser.go("/camunda/app/tasklist/default/");
        browser.visible(By.cssSelector("input[placeholder=Username]"), "the login page").sendKeys("omar.haddad");
        browser.driver.findElement(By.cssSelector("input[placeholder=Password]")).sendKeys("demo");
        browser.click(By.xpath("//button[normalize-space()='Log in']"), "Log in");
        browser.visible(By.xpath("//*[contains(normalize-space(), 'The directory that holds people and their groups"
            + " cannot be reached')]"), "the reason on the login page");
        browser.screenshot("directory-away-login");
        assertThat(browser.driver.getCurrentUrl()).contains("login");
      } finally {
        DIRECTORY.startAgain();
      }
    }
  }
}
