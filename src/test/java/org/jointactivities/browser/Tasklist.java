package org.jointactivities.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.Select;

/** Camunda Tasklist as one logged-in person sees it. */
final class Tasklist {

  private static final By COMPLETE = By.xpath("//button[normalize-space()='Complete']");

  final Browser browser;
  final CamundaForm form;

  private Tasklist(Browser browser) {
    this.browser = browser;
    this.form = new CamundaForm(browser);
  }

  static Tasklist loginAs(Browser browser, String user) {
    browser.login("tasklist", user);
    Tasklist tasklist = new Tasklist(browser);
    browser.visible(By.cssSelector(".task-filter"), "the Tasklist filters of " + user);
    return tasklist;
  }

  /** Tasklist in a tab of a browser whose session is logged in already. */
  static Tasklist alreadyLoggedIn(Browser browser) {
    return new Tasklist(browser);
  }

  /** The task Tasklist shows open, by its name, e.g. "Sign joint activity". */
  void awaitOpenTask(String taskName) {
    browser.waitFor(d -> d.findElement(By.cssSelector(".task-details h2, .task-details .names, [cam-tasklist-task] h2"))
        .getText().contains(taskName), "the task " + taskName + " to open");
    form.awaitShown();
  }

  /** Start process → the process by its name: its start form opens in a dialog. */
  void startProcess(String processName) {
    browser.click(By.xpath("//a[normalize-space()='Start process']"), "Start process");
    browser.click(By.xpath("//div[contains(@class, 'modal')]//a[normalize-space()=" + CamundaForm.literal(processName) + "]"),
        processName + " in the Start process dialog");
    form.awaitShown();
  }

  /** Clicks Start in the start dialog. */
  void submitStartForm() {
    browser.click(By.xpath("//div[contains(@class, 'modal-footer')]//button[normalize-space()='Start']"), "Start");
  }

  /** The error the start dialog shows. */
  String startDialogError() {
    WebElement error = browser.visible(By.cssSelector(".modal .alert-danger, .modal .alert"), "an error in the start dialog");
    browser.js("arguments[0].scrollIntoView({block: 'start'});", error);
    return error.getText().replaceAll("\\s+", " ").trim();
  }

  /** The line by a disabled Start/Complete button naming the required fields still empty. */
  String waitingFor() {
    return browser.visible(By.cssSelector("[data-ja-waiting]"), "the line saying what Start waits for").getText().trim();
  }

  /** Whether the start dialog's Start button can be clicked (Tasklist holds it back while a field is wrong). */
  boolean startEnabled() {
    return browser.driver.findElement(By.xpath("//div[contains(@class, 'modal-footer')]//button[normalize-space()='Start']"))
        .isEnabled();
  }

  /**
   * The server's refusal as the plugin shows it next to the Start or Complete button; asserts that
   * the person sees it and the button without scrolling.
   */
  String refusalNextToTheButton() {
    WebElement refusal = browser.visible(By.cssSelector(".alert[data-ja-refusal]"), "the refusal next to the button");
    WebElement button = browser.driver.findElements(By.xpath("//button[normalize-space()='Start' or normalize-space()='Complete']"))
        .stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    for (WebElement shown : List.of(refusal, button)) {
      assertThat((Boolean) browser.js("const r = arguments[0].getBoundingClientRect();"
          + " return r.top >= 0 && r.bottom <= window.innerHeight;", shown)).as("in sight without scrolling: " + shown.getText())
          .isTrue();
    }
    return refusal.getText().replaceAll("\\s+", " ").trim();
  }

  /** The notice after a start: the reference the proposal got. */
  String startedNotice() {
    return browser.visible(By.cssSelector("[data-ja-started]"), "the notice of the started proposal").getText()
        .replace("\u00d7", "").replaceAll("\\s+", " ").trim();
  }

  /**
   * Opens My activities from the navbar and returns the activity's line once it shows {@code step}
   * (the process creates its tasks a moment after a submission: the person opens the list again).
   */
  String myActivity(String reference, String step) {
    By line = By.cssSelector("[data-ja-plugin=my-activities] tr[data-ja-activity='" + reference + "']");
    By open = By.cssSelector("[data-ja-action=my-activities]");
    return browser.waitFor(d -> {
      if (!d.findElements(By.cssSelector("[data-ja-panel=my-activities]")).isEmpty()) {
        d.findElement(open).click(); // closes the panel
      }
      d.findElement(open).click();
      String text = browser.visible(line, reference + " in My activities").getText().replaceAll("\\s+", " ").trim();
      return text.contains(step) ? text : null;
    }, reference + " in My activities at " + step);
  }

  void awaitStartDialogClosed() {
    browser.waitFor(d -> d.findElements(By.cssSelector(".modal .fjs-form")).isEmpty(), "the start dialog to close");
  }

  void openFilter(String name) {
    browser.click(By.xpath("//*[contains(@class, 'task-filter')]//h4[contains(@class, 'name')]//a[contains(normalize-space(), "
        + CamundaForm.literal(name) + ")]"), "the filter " + name);
    browser.waitFor(d -> d.findElement(By.xpath("//*[contains(@class, 'task-filter')][contains(@class, 'active')]"
        + "[.//h4[contains(normalize-space(), " + CamundaForm.literal(name) + ")]]")).isDisplayed(), name + " to be selected");
  }

  /** Types a reference into Tasklist's search, as a person would, and waits for the list to narrow to it. */
  void searchReference(String reference) {
    WebElement search = browser.visible(By.cssSelector("input.main-field"), "Tasklist's search");
    search.click();
    search.sendKeys(reference, Keys.ENTER);
    browser.waitFor(d -> !d.findElements(By.cssSelector("li.task")).isEmpty()
        && d.findElements(By.cssSelector("li.task")).stream().allMatch(t -> t.getText().contains(reference)),
        "only the tasks of " + reference + " in the list");
  }

  /** The open task's Discussion tab: what it lists. */
  String discussion() {
    browser.click(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space()='Discussion']"), "the Discussion tab");
    return browser.visible(By.cssSelector("[data-ja-plugin=discussion][aria-busy=false]"), "the loaded discussion").getText();
  }

  /** Writes in the open task's Discussion tab and waits for the comment to be listed. */
  void comment(String text) {
    discussion();
    WebElement box = browser.visible(By.cssSelector("[data-ja-field=comment]"), "the comment box");
    box.sendKeys(text);
    browser.click(By.cssSelector("[data-ja-action=comment]"), "Add to the discussion");
    browser.waitFor(d -> d.findElement(By.cssSelector("[data-ja-plugin=discussion]")).getText().contains(text),
        "the comment in the discussion");
  }

  /** The open task's Documents tab: the documents' lines, once loaded. */
  String documents() {
    browser.click(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space()='Documents']"), "the Documents tab");
    return browser.visible(By.cssSelector("[data-ja-plugin=documents]"), "the documents").getText();
  }

  /**
   * Attaches a file with the upload form inside {@code scope} (a task's Documents tab or an activity's
   * record) and returns what the form then says: the confirmation, or the refusal under the form.
   */
  static String attach(Browser browser, By scope, String type, String title, Path file) {
    WebElement form = browser.visible(new ByChained(scope, By.cssSelector("[data-ja-plugin=attach-document]")), "the upload form");
    new Select(form.findElement(By.cssSelector("[data-ja-field=type]"))).selectByVisibleText(type);
    WebElement titleField = form.findElement(By.cssSelector("[data-ja-field=title]"));
    titleField.clear();
    titleField.sendKeys(title);
    WebElement picker = form.findElement(By.cssSelector("[data-ja-field=file]"));
    picker.clear();
    picker.sendKeys(file.toAbsolutePath().toString());
    form.findElement(By.cssSelector("[data-ja-action=attach]")).click();
    return browser.waitFor(d -> d.findElements(new ByChained(scope, By.cssSelector("[data-ja-attached].alert-success, "
        + "[data-ja-attach-status].alert-danger"))).stream().map(WebElement::getText).filter(text -> !text.isBlank())
        .findFirst().orElse(null), "the upload's outcome");
  }

  /** Back to the task's form. */
  void showForm() {
    browser.click(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space()='Form']"), "the Form tab");
    form.awaitShown();
  }

  /** The task of that name for the activity in the list of the current filter. */
  static By taskInList(String taskName, String reference) {
    return By.xpath("//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')][contains(., "
        + CamundaForm.literal(reference) + ")]//h4[contains(@class, 'task')]//a[normalize-space()="
        + CamundaForm.literal(taskName) + "]");
  }

  boolean lists(String taskName, String reference) {
    return browser.driver.findElements(taskInList(taskName, reference)).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Opens the task from the list and claims it if it is not yet this person's. */
  void openTask(String taskName, String reference) {
    browser.click(taskInList(taskName, reference), taskName + " of " + reference + " in the task list");
    awaitOpenTask(taskName);
    claimIfOffered();
    form.awaitShown();
  }

  void claimIfOffered() {
    By claim = By.xpath("//*[self::a or self::button][normalize-space()='Claim']");
    browser.waitFor(d -> !d.findElements(By.xpath("//*[self::a or self::button][normalize-space()='Claim' or normalize-space()='Unclaim']"))
        .isEmpty() || !d.findElements(By.cssSelector(".task-details .assignee, [cam-tasklist-task-meta] .assignee")).isEmpty(),
        "the task's claim link or assignee");
    if (browser.driver.findElements(claim).stream().anyMatch(WebElement::isDisplayed)) {
      browser.click(claim, "Claim");
      browser.waitFor(d -> d.findElements(claim).stream().noneMatch(WebElement::isDisplayed), "the claim to take");
    }
  }

  /** Clicks Complete under the task form and waits until Tasklist has taken the task away. */
  void complete() {
    clickComplete();
    browser.waitFor(d -> d.findElements(COMPLETE).stream().noneMatch(WebElement::isDisplayed),
        "Tasklist to close the completed task");
  }

  /** Clicks Complete under the task form, whatever comes of it. */
  void clickComplete() {
    browser.click(COMPLETE, "Complete");
  }

  /**
   * Clicks Complete on a form the server refuses: the task stays open and Tasklist shows the
   * server's message in a notification over the form's buttons, which this returns.
   */
  String completeRefused() {
    clickComplete();
    WebElement error = browser.visible(By.cssSelector(".notifications .alert-danger"), "Tasklist's error message");
    assertThat(browser.driver.findElements(COMPLETE).stream().anyMatch(WebElement::isDisplayed))
        .as("the refused task stays open").isTrue();
    return error.getText().replace("\u00d7", "").replaceAll("\\s+", " ").trim();
  }

  /** Closes Tasklist's notifications (their ×), as a person does: they cover the buttons under the form. */
  void dismissNotifications() {
    By alert = By.cssSelector(".notifications .alert");
    for (WebElement close : browser.driver.findElements(By.cssSelector(".notifications .alert button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    browser.waitFor(d -> d.findElements(alert).stream().noneMatch(WebElement::isDisplayed), "the notifications to close");
  }

  /** Scrolls the task form back to its heading. */
  void showFormTop() {
    browser.js("arguments[0].scrollIntoView({block: 'start'});", browser.driver.findElement(By.cssSelector(".task-details h2, [cam-tasklist-task] h2")));
  }

  void assertFormHeading(String expected) {
    browser.waitFor(d -> form.heading().startsWith(expected), "the heading " + expected);
    assertThat(form.heading()).startsWith(expected);
  }
}
