package org.jointactivities.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form (form-js) as Tasklist renders it, in the start dialog or a task: fields are found
 * by their label, as a person finds them.
 */
final class CamundaForm {

  private final Browser browser;

  CamundaForm(Browser browser) {
    this.browser = browser;
  }

  void awaitShown() {
    browser.visible(By.cssSelector(".fjs-form .fjs-form-field"), "the form");
  }

  /**
   * The form field whose label reads {@code label} (the required marker aside): the innermost one,
   * since a group of fields is a form field holding the others.
   */
  static By field(String label) {
    String field = "div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]";
    return By.xpath("(//" + field + "[not(.//" + field + ")]"
        + "[.//label[contains(@class, 'fjs-form-field-label')][normalize-space(translate(., '*', ''))=" + literal(label) + "]])[1]");
  }

  WebElement fieldElement(String label) {
    return browser.visible(field(label), "the field " + label);
  }

  private WebElement input(String label) {
    WebElement field = fieldElement(label);
    WebElement input = field.findElement(By.cssSelector("input:not([type=checkbox]):not([type=radio]), textarea"));
    browser.scrollIntoView(input);
    return input;
  }

  /**
   * Types into a text field, text area or number field, replacing what is there. form-js takes
   * typed text into its state after a short debounce, and a re-render of the form before then
   * (another field's change landing) puts the old value back; so the value must hold a moment,
   * or it is typed again, as a person would.
   */
  void type(String label, String value) {
    for (int attempt = 1; ; attempt++) {
      WebElement input = input(label);
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      String[] lines = value.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          input.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        }
        input.sendKeys(lines[i]);
      }
      blur();
      if (holds(label, value) || attempt == 3) {
        break;
      }
    }
    browser.waitFor(d -> value.equals(input(label).getAttribute("value")), label + " to read " + value);
  }

  /** Whether the field keeps reading {@code value} for a second (form-js has taken it). */
  private boolean holds(String label, String value) {
    long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (System.nanoTime() < until) {
      if (!value.equals(input(label).getAttribute("value"))) {
        return false;
      }
      pause(100);
    }
    return true;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Ticks an option of a checklist. */
  void tick(String label, String option) {
    if (!optionInput(label, option).isSelected()) {
      clickOption(label, option);
    }
    browser.waitFor(d -> optionInput(label, option).isSelected(), option + " ticked in " + label);
  }

  /** Chooses an option of a radio group by its label. */
  void choose(String label, String option) {
    clickOption(label, option);
    browser.waitFor(d -> optionInput(label, option).isSelected(), option + " chosen in " + label);
  }

  private void clickOption(String label, String option) {
    WebElement choice = fieldElement(label).findElement(optionLabel(option));
    browser.scrollIntoView(choice);
    choice.click();
  }

  private WebElement optionInput(String label, String option) {
    WebElement field = fieldElement(label);
    WebElement choice = field.findElement(optionLabel(option));
    List<WebElement> inside = choice.findElements(By.tagName("input"));
    if (!inside.isEmpty()) {
      return inside.get(0);
    }
    String target = choice.getAttribute("for");
    if (target != null && !target.isEmpty()) {
      return browser.driver.findElement(By.id(target));
    }
    return choice.findElement(By.xpath("..//input"));
  }

  /** Types into a searchable select or tag list and picks the matching entry from its list. */
  void search(String label, String typed, String option) {
    WebElement input = input(label);
    input.click();
    if (!input.getAttribute("value").isEmpty()) {
      // not on an empty tag list: there Backspace removes the last tag
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }
    input.sendKeys(typed);
    pick(label, option);
  }

  /** Opens a plain select and picks an entry. */
  void select(String label, String option) {
    WebElement field = fieldElement(label);
    List<WebElement> display = field.findElements(By.cssSelector(".fjs-select-display"));
    WebElement opener = display.isEmpty() ? field.findElement(By.cssSelector("input")) : display.get(0);
    browser.scrollIntoView(opener);
    opener.click();
    pick(label, option);
  }

  private void pick(String label, String option) {
    By item = By.xpath(".//*[contains(@class, 'fjs-dropdownlist-item')][contains(normalize-space(), " + literal(option) + ")]");
    browser.waitFor(d -> {
      fieldElement(label).findElement(item).click();
      return true;
    }, option + " in the list of " + label);
    blur();
  }

  /** Types a date into a date picker as a person in the US locale does (mm/dd/yyyy). */
  void date(String label, LocalDate date) {
    String shown = date.format(DateTimeFormatter.ofPattern("M/d/yyyy"));
    for (int attempt = 1; ; attempt++) {
      WebElement input = input(label);
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      input.sendKeys(date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.ENTER);
      blur();
      if (holds(label, shown) || attempt == 3) {
        break;
      }
    }
    browser.waitFor(d -> shown.equals(input(label).getAttribute("value")), label + " to read " + shown);
  }

  String value(String label) {
    return input(label).getAttribute("value");
  }

  List<String> tags(String label) {
    return fieldElement(label).findElements(By.cssSelector(".fjs-taglist-tag")).stream().map(WebElement::getText)
        .map(String::trim).toList();
  }

  /** Whether a person can change the field: every input in it is read-only or disabled. */
  boolean isReadOnly(String label) {
    List<WebElement> inputs = fieldElement(label).findElements(By.cssSelector("input, textarea"));
    return !inputs.isEmpty() && inputs.stream()
        .allMatch(i -> i.getAttribute("readonly") != null || i.getAttribute("disabled") != null || !i.isEnabled());
  }

  /** Clicks into a field and presses Tab so many times, as someone looking through the form does. */
  void tabThrough(String label, int fields) {
    input(label).click();
    for (int i = 0; i < fields; i++) {
      browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    pause(800); // form-js validates a field as it is left
  }

  /** Ticks a single checkbox, e.g. an attestation. */
  void check(String label) {
    WebElement box = fieldElement(label).findElement(By.cssSelector("input[type=checkbox]"));
    browser.scrollIntoView(box);
    if (!box.isSelected()) {
      box.click();
    }
    browser.waitFor(d -> fieldElement(label).findElement(By.cssSelector("input[type=checkbox]")).isSelected(),
        label + " ticked");
  }

  /** The messages shown under one field: form-js's own checks and the server's, as the plugin marks them. */
  String errorOf(String label) {
    return browser.waitFor(d -> {
      String errors = fieldElement(label).findElements(By.cssSelector(".fjs-form-field-error")).stream()
          .map(WebElement::getText).map(String::trim).filter(s -> !s.isEmpty()).reduce((a, b) -> a + " " + b).orElse("");
      return errors.isEmpty() ? null : errors;
    }, "an error under the field " + label);
  }

  /** What a date field says it reads, e.g. "Reads: 1 February 2027". */
  String dateReads(String label) {
    return browser.waitFor(d -> {
      List<WebElement> hint = fieldElement(label).findElements(By.cssSelector("[data-ja-date-reads]"));
      return hint.isEmpty() || !hint.get(0).getText().startsWith("Reads:") ? null : hint.get(0).getText();
    }, "the day " + label + " reads");
  }

  /** The people a focal-point field suggests, once it has been focused. */
  List<String> suggestions(String label) {
    WebElement input = input(label);
    input.click();
    return browser.waitFor(d -> {
      String list = input.getAttribute("list");
      List<String> people = list == null ? List.of() : d.findElements(By.cssSelector("datalist[id='" + list + "'] option"))
          .stream().map(option -> option.getAttribute("label") + "=" + option.getAttribute("value")).toList();
      return people.isEmpty() ? null : people;
    }, "the people " + label + " suggests");
  }

  /** The validation messages form-js shows under fields. */
  List<String> fieldErrors() {
    return browser.driver.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText)
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** What the form reads as text: its headings, paragraphs and labels (not what the fields hold). */
  String text() {
    return browser.visible(By.cssSelector(".fjs-form"), "the form").getText();
  }

  /** The form's heading, e.g. "Review JA-2026-0001 for IOM". */
  String heading() {
    return browser.visible(By.cssSelector(".fjs-form-field-text h2, .fjs-form-field-text h1"), "the form's heading")
        .getText().trim();
  }

  /** Clicks a neutral spot so that open lists and date pickers close. */
  void blur() {
    browser.js("document.activeElement && document.activeElement.blur && document.activeElement.blur();");
    List<WebElement> header = browser.driver.findElements(By.cssSelector(".modal-header"));
    WebElement neutral = header.isEmpty()
        ? browser.driver.findElement(By.cssSelector(".fjs-form-field-text"))
        : header.get(0);
    neutral.click();
  }

  private static By optionLabel(String option) {
    return By.xpath(".//label[normalize-space()=" + literal(option) + "]");
  }

  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
