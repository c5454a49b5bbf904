package org.jointactivities.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as a manager uses it. */
final class Cockpit {

  final Browser browser;

  private Cockpit(Browser browser) {
    this.browser = browser;
  }

  static Cockpit loginAs(Browser browser, String user) {
    browser.login("cockpit", user);
    browser.visible(By.xpath("//a[normalize-space()='Processes']"), "the Cockpit header");
    return new Cockpit(browser);
  }

  /** Processes → the process by name: its running instances and diagram. */
  void openProcess(String processName) {
    browser.click(By.xpath("//a[normalize-space()='Processes']"), "Processes");
    browser.click(By.xpath("//td//a[normalize-space()=" + CamundaForm.literal(processName) + "]"), processName);
    browser.visible(By.cssSelector(".djs-container svg"), "the diagram of " + processName);
  }

  /** Narrows the instance list with the search bar: Business Key = reference. */
  void searchBusinessKey(String reference) {
    WebElement search = browser.visible(By.cssSelector("input.main-field[placeholder='Add criteria']"), "the instance search");
    browser.scrollIntoView(search);
    search.click();
    search.sendKeys("Business");
    browser.click(By.xpath("//ul[contains(@class, 'dropdown-menu')]//a[contains(normalize-space(), 'Business Key')]"),
        "Business Key among the search criteria");
    By valueInput = By.xpath("//*[contains(@class, 'search-label')]//input[@type='text']");
    if (browser.driver.findElements(valueInput).stream().noneMatch(WebElement::isDisplayed)) {
      browser.click(By.cssSelector(".search-label .value-field"), "the value of the search criterion");
    }
    WebElement value = browser.visible(valueInput, "the business key value");
    value.sendKeys(reference, Keys.ENTER);
    browser.visible(By.xpath("//*[contains(@class, 'search-label')][contains(., " + CamundaForm.literal(reference) + ")]"),
        "the search Business Key = " + reference);
  }

  /** Opens the instance of that reference, the only one the search left in the instance list. */
  void openInstance(String reference) {
    By rows = By.cssSelector("table tbody tr");
    By row = By.xpath("//table//tr[td[normalize-space()=" + CamundaForm.literal(reference) + "]]");
    browser.waitFor(d -> d.findElements(rows).size() == 1 && d.findElement(row).isDisplayed(),
        "only the instance " + reference + " in the list");
    browser.click(By.xpath("//table//tr[td[normalize-space()=" + CamundaForm.literal(reference) + "]]"
        + "//a[contains(@href, 'process-instance/')]"), "the instance " + reference);
    browser.waitFor(d -> d.getCurrentUrl().contains("/process-instance/"), "the instance page of " + reference);
    browser.visible(By.xpath("//dd[contains(@class, 'business-key')][normalize-space()="
        + CamundaForm.literal(reference) + "]"), "the business key " + reference + " on the instance page");
    browser.visible(By.cssSelector(".djs-container svg .djs-element"), "the instance diagram");
  }

  /** The text of our portfolio plugin on the dashboard, once it has loaded its figures. */
  String portfolioPlugin() {
    WebElement plugin = browser.visible(By.cssSelector("[data-ja-plugin='portfolio']"), "the portfolio plugin on the dashboard");
    browser.scrollIntoView(plugin);
    return plugin.getText();
  }

  /** Opens the instance's "Joint activity" tab and returns what it shows, once loaded. */
  String activityTab() {
    browser.click(By.xpath("//a[normalize-space()='Joint activity']"), "the Joint activity tab");
    WebElement tab = browser.visible(By.cssSelector("[data-ja-plugin='activity']"), "the activity's record in the tab");
    browser.scrollIntoView(tab);
    return tab.getText();
  }

  /** The running-token badge on an element of the instance diagram. */
  String badgeOn(String elementId) {
    return browser.visible(By.cssSelector(".djs-overlays[data-container-id='" + elementId + "'] .badge"),
        "the current position on " + elementId).getText().trim();
  }
}
