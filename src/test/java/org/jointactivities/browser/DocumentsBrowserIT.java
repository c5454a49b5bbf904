package org.jointactivities.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.jointactivities.document.TestFiles;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * A proposal's documents in a real browser: UNODC's officer attaches a concept note from the
 * activity's record in Tasklist (a text file named .pdf is refused first, at the form), IOM's
 * reviewer opens it from the review task's Documents tab, read-only, and once both agencies have
 * signed (in the JVM) the signed agreement is listed in the record and in Cockpit's activity tab.
 */
@BrowserTest
@ExtendWith(StepByStep.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentsBrowserIT {

  static final String TITLE = "Joint border-post training on smuggling of migrants, Sahel";
  static final String CONCEPT_NOTE = "Concept note: border-post training";
  static final By RECORD = By.cssSelector("[data-ja-details]");
  static final By RECORD_DOCUMENTS = By.cssSelector("[data-ja-details] [data-ja-plugin=documents]");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  @Autowired Scenario scenario;
  String reference;
  Path files;

  @BeforeAll
  void aProposalInReview() throws IOException {
    Map<String, Object> form = Proposals.valid();
    form.put("title", TITLE);
    reference = scenario.submit("unodc-officer", form).getBusinessKey();
    Await.task(tasks, reference, "Task_ReviewSubject", "IOM");
    files = Files.createTempDirectory("ja-documents");
  }

  @AfterAll
  void removeFiles() {
    FileSystemUtils.deleteRecursively(files.toFile());
  }

  @Test
  @Order(1)
  void theOfficerAttachesAConceptNoteFromTheRecordAfterAFileOfTheWrongKindIsRefused() throws IOException {
    Path disguised = Files.writeString(files.resolve("concept-note.pdf"), "Just text, named like a PDF", StandardCharsets.UTF_8);
    Path conceptNote = Files.write(files.resolve("concept-note-sahel.pdf"), TestFiles.pdf("Concept note, Sahel border posts"));
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-officer");
      openRecord(browser, tasklist);
      WebElement form = browser.visible(By.cssSelector("[data-ja-details] [data-ja-plugin=attach-document]"), "the attach form");
      assertThat(browser.driver.findElement(RECORD_DOCUMENTS).getText()).contains("No documents attached to " + reference + " yet.");
      assertThat(new Select(form.findElement(By.cssSelector("[data-ja-field=type]"))).getOptions())
          .extracting(WebElement::getText).contains("Concept note", "Budget", "Annex").doesNotContain("Signed agreement");
      assertThat(Tasklist.attach(browser, RECORD, "Concept note", CONCEPT_NOTE, disguised))
          .startsWith("File: is of type text/plain by its content, not a kind a document may be: PDF, Word");
      browser.scrollIntoView(form);
      browser.screenshot("documents-wrong-kind-refused");

      assertThat(Tasklist.attach(browser, RECORD, "Concept note", CONCEPT_NOTE, conceptNote))
          .isEqualTo("Attached " + CONCEPT_NOTE + " (concept-note-sahel.pdf).");
      assertThat(documentRow(browser, CONCEPT_NOTE)).contains("Concept note", "the activity",
          "Version 1: concept-note-sahel.pdf (PDF", "UNODC Programme Officer");
      browser.scrollIntoView(browser.driver.findElement(RECORD_DOCUMENTS));
      browser.screenshot("documents-officer-attached-concept-note");
    }
  }

  @Test
  @Order(2)
  void theOtherAgencysReviewerOpensItFromTheReviewTaskReadOnly() {
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "iom-reviewer");
      tasklist.openFilter("My agency's reviews");
      browser.waitFor(d -> tasklist.lists("Review proposal", reference), "the review in My agency's reviews");
      tasklist.openTask("Review proposal", reference);
      browser.click(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space()='Documents']"), "the Documents tab");
      WebElement tab = browser.visible(By.cssSelector("[data-ja-plugin=documents] tr[data-ja-document]"), "the concept note in the tab");
      assertThat(tab.getText()).contains(CONCEPT_NOTE, "Version 1: concept-note-sahel.pdf", "UNODC Programme Officer");
      assertThat(browser.driver.findElements(By.cssSelector("[data-ja-plugin=attach-document], [data-ja-field=new-version]")))
          .as("a review shows documents read-only").isEmpty();
      browser.screenshot("documents-reviewer-opens-in-review-task");
      // the reviewer follows the link with the Tasklist session: the very bytes attached
      String href = tab.findElement(By.cssSelector("a[data-ja-download]")).getAttribute("href");
      Object downloaded = ((JavascriptExecutor) browser.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "fetch(arguments[0], { credentials: 'same-origin' }).then((r) => r.text().then((t) => done(r.status + ' '"
          + " + r.headers.get('Content-Disposition') + ' ' + t)));", href);
      assertThat(String.valueOf(downloaded)).startsWith("200 attachment; filename=\"concept-note-sahel.pdf\"")
          .contains("Concept note, Sahel border posts");
    }
  }

  @Test
  @Order(3)
  void onceBothAgenciesHaveSignedTheSignedAgreementIsListed() {
    SignedInTheJvm.complete(scenario, tasks, reference, "unodc-reviewer", "Task_ReviewSubject", "UNODC", Map.of("reviewDecision", "APPROVE"));
    SignedInTheJvm.complete(scenario, tasks, reference, "iom-reviewer", "Task_ReviewSubject", "IOM", Map.of("reviewDecision", "APPROVE"));
    SignedInTheJvm.complete(scenario, tasks, reference, "unodc-signatory-pm", "Task_SignActivity", "UNODC",
        Map.of("signDecision", "SIGN", "signatureAttested", true));
    SignedInTheJvm.complete(scenario, tasks, reference, "iom-signatory-pm", "Task_SignActivity", "IOM",
        Map.of("signDecision", "SIGN", "signatureAttested", true));
    // the other browser tests expect no other proposal's process to run
    Await.value(() -> Optional.of(runtime.createProcessInstanceQuery().processDefinitionKey("JointActivityProposal")
        .processInstanceBusinessKey(reference).count()).filter(n -> n == 0), "the signed proposal's process to end");
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-officer");
      openRecord(browser, tasklist);
      String agreement = documentRow(browser, "Joint activity agreement");
      assertThat(agreement).contains("Signed agreement", "Version 1: " + reference, ".pdf (PDF", "Joint Activities, on signature",
          "signed in proposal");
      assertThat(documentRow(browser, CONCEPT_NOTE)).contains("signed in");
      assertThat(browser.driver.findElements(By.cssSelector("[data-ja-details] [data-ja-field=new-version]")))
          .as("documents of a signed version take no new version").isEmpty();
      browser.scrollIntoView(browser.driver.findElement(RECORD_DOCUMENTS));
      browser.screenshot("documents-signed-agreement-in-record");
    }
    try (Browser browser = Browser.open(port)) {
      Cockpit cockpit = Cockpit.loginAs(browser, "unodc-manager");
      cockpit.openProcess("Joint activity implementation");
      cockpit.searchBusinessKey(reference);
      cockpit.openInstance(reference);
      cockpit.activityTab();
      cockpit.showSection("Documents (2)");
      String listed = browser.visible(By.cssSelector("[data-ja-plugin=activity] [data-ja-plugin=documents]"), "the documents").getText();
      assertThat(listed).contains(CONCEPT_NOTE, "Joint activity agreement", "Signed agreement");
      browser.screenshot("documents-in-cockpit-activity-tab");
    }
  }

  private void openRecord(Browser browser, Tasklist tasklist) {
    tasklist.myActivity(reference, "");
    browser.click(By.cssSelector("tr[data-ja-activity='" + reference + "'] [data-ja-action=record]"), "Open the record");
    browser.visible(RECORD_DOCUMENTS, "the record's documents");
  }

  private static String documentRow(Browser browser, String titleStart) {
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("[data-ja-details] tr[data-ja-document]"));
    return rows.stream().map(WebElement::getText).filter(text -> text.startsWith(titleStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no document " + titleStart + " among " + rows.stream().map(WebElement::getText).toList()));
  }
}
