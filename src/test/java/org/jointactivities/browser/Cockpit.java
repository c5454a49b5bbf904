package org.jointactivities.browser;

import java.util.List;
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
    // the new criterion re-renders while Cockpit sets it up: look again until its value can be typed
    By valueInput = By.xpath("//*[contains(@class, 'search-label')]//input[@type='text']");
    browser.waitFor(d -> {
      if (d.findElements(valueInput).stream().noneMatch(WebElement::isDisplayed)) {
        d.findElement(By.cssSelector(".search-label .value-field")).click();
        return false;
      }
      d.findElements(valueInput).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow()
          .sendKeys(reference, Keys.ENTER);
      return true;
    }, "the business key value");
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

  /** The dashboard's box: opens the activity of a reference, whichever process it is in now. */
  void findByReference(String reference) {
    browser.go("/camunda/app/cockpit/default/#/dashboard");
    WebElement box = browser.visible(By.cssSelector("[data-ja-field=reference]"), "the box to open an activity");
    box.sendKeys(reference);
    browser.click(By.cssSelector("[data-ja-plugin=find-activity] button"), "Open the activity");
    browser.waitFor(d -> d.getCurrentUrl().contains("/process-instance/"), "the instance page of " + reference);
    browser.visible(By.xpath("//dd[contains(@class, 'business-key')][normalize-space()=" + CamundaForm.literal(reference) + "]"),
        "the business key " + reference + " on the instance page");
  }

  /** Cockpit's Human Tasks page: its tables' text once the counts are in. */
  String humanTasks() {
    browser.click(By.xpath("//a[normalize-space()='Human Tasks']"), "Human Tasks");
    return browser.waitFor(d -> {
      String text = d.findElement(By.cssSelector(".ctn-main, .ctn-content-container, body")).getText();
      return text.contains("Assignments by group") && text.contains("Total") && text.contains("signatories") ? text : null;
    }, "the Human Tasks figures");
  }

  /** Clicks a bar of the portfolio's charts; returns the list of activities it opens. */
  String pickFigure(String code) {
    browser.click(By.cssSelector("[data-ja-figure='" + code + "']"), "the bar " + code);
    return browser.visible(By.cssSelector("[data-ja-plugin=portfolio-list] table"), "the activities of " + code).getText();
  }

  /** Opens the instance's "Joint activity" tab and returns what it shows, once loaded. */
  String activityTab() {
    browser.click(By.xpath("//a[normalize-space()='Joint activity']"), "the Joint activity tab");
    WebElement tab = browser.visible(By.cssSelector("[data-ja-plugin='activity']"), "the activity's record in the tab");
    browser.scrollIntoView(tab);
    return tab.getText();
  }

  /** The heading of the activity's record in the tab: "JA-… — title (STATE)". */
  String activityHeading() {
    return browser.visible(ACTIVITY_HEADING, "the heading of the activity's record").getText();
  }

  /**
   * Waits until the tab shows the activity in that state (after an intervention the plugin loads
   * the record again and renders the whole tab anew) and returns what the tab shows then.
   */
  String awaitActivityState(String state) {
    return browser.waitFor(d -> {
      WebElement tab = d.findElement(By.cssSelector("[data-ja-plugin='activity']"));
      return tab.findElement(By.tagName("h3")).getText().endsWith("(" + state + ")") ? tab.getText() : null;
    }, "the Joint activity tab to show the activity " + state);
  }

  /** The labels of the intervention buttons the tab offers, in order. */
  List<String> interventions() {
    browser.visible(INTERVENTIONS, "the section Intervene as a manager");
    return browser.driver.findElements(By.cssSelector("[data-ja-plugin='interventions'] button[data-ja-action]"))
        .stream().map(WebElement::getText).map(String::trim).toList();
  }

  /** Writes the reason (clearing what was there) and clicks the intervention's button, e.g. suspension. */
  void intervene(String action, String reason) {
    WebElement field = browser.visible(By.cssSelector("[data-ja-plugin='interventions'] textarea[data-ja-field='reason']"),
        "the reason of the intervention");
    browser.scrollIntoView(field);
    field.clear();
    if (!reason.isEmpty()) {
      field.sendKeys(reason);
    }
    browser.click(By.cssSelector("[data-ja-plugin='interventions'] button[data-ja-action='" + action + "']"),
        "the button of the " + action);
  }

  /** What the tab says when the server refused an intervention. */
  String interventionRefusal() {
    return browser.waitFor(d -> {
      String text = d.findElement(By.cssSelector("[data-ja-plugin='interventions'] [role='status']")).getText().trim();
      return text.isEmpty() ? null : text;
    }, "the refusal of the intervention in the tab");
  }

  /** The cells of the last audit trail line of that action (When, Who, Agency, What, State after, Comment). */
  List<String> lastAuditEntry(String action) {
    List<WebElement> rows = browser.driver.findElements(By.xpath("//*[@data-ja-plugin='activity']"
        + "//div[h4='Audit trail']//tbody/tr[td[4][normalize-space()=" + CamundaForm.literal(action) + "]]"));
    if (rows.isEmpty()) {
      throw new AssertionError("No " + action + " in the audit trail of the tab: " + browser.text());
    }
    return rows.get(rows.size() - 1).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  /** Scrolls the tab to the top of the activity's record, for a screenshot. */
  void showActivityTop() {
    browser.js("arguments[0].scrollIntoView({block: 'start'});", browser.visible(ACTIVITY_HEADING, "the activity's record"));
  }

  /** Scrolls the tab to a section of the activity (e.g. "Intervene as a manager"), for a screenshot. */
  void showSection(String title) {
    browser.js("arguments[0].scrollIntoView({block: 'start'});", browser.visible(By.xpath(
        "//*[@data-ja-plugin='activity']//div[contains(@class, 'ja-section')]/h4[normalize-space()="
            + CamundaForm.literal(title) + "]"), "the section " + title));
  }

  private static final By ACTIVITY_HEADING = By.cssSelector("[data-ja-plugin='activity'] h3");
  private static final By INTERVENTIONS = By.cssSelector("[data-ja-plugin='interventions']");

  /** The running-token badge on an element of the instance diagram. */
  String badgeOn(String elementId) {
    return browser.visible(By.cssSelector(".djs-overlays[data-container-id='" + elementId + "'] .badge"),
        "the current position on " + elementId).getText().trim();
  }
}
