package org.jointactivities.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.document.TestFiles;
import org.jointactivities.exchange.ExchangeState;
import org.jointactivities.exchange.InformationRequests;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * One information exchange from request to acknowledgment, in a real browser: an IOM officer asks
 * UNODC for data on smuggled migrants (confidential, personal data), UNODC's focal point accepts,
 * its officer answers for two named recipients, its data-protection focal point clears the answer,
 * and the requester reads it and acknowledges receipt. The steps run in order and share the request.
 */
@BrowserTest
@ExtendWith(StepByStep.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InformationExchangeBrowserIT {

  static final String SUBJECT = "Smuggled migrants intercepted at Metema";
  static final String ANSWER = "212 case files of 2026, anonymised: 61 % via Gallabat, 24 % via Kassala.";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired InformationRequests requests;

  String reference;

  @Test
  @Order(1)
  void anOfficerAsksAnotherAgencyAndTheServerRefusesADateThatIsNotAhead() {
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "iom-officer");
      tasklist.startProcess("Information exchange");
      CamundaForm form = tasklist.form;
      form.select("Agency asked", "UNODC");
      form.type("Subject", SUBJECT);
      form.type("What is asked", "Anonymised case files of migrants intercepted at Metema in 2026, with the routes they took.");
      form.type("Purpose", "To plan IOM's protection screening at the Sudan-Ethiopia border in 2027.");
      form.search("Countries", "Ethiop", "Ethiopia");
      form.tick("Themes", "Smuggling of migrants");
      form.choose("Classification", "Confidential: named recipients only");
      form.check("Personal data is involved");
      form.type("Legal basis", "IOM Data Protection Principles (purpose specification); UNODC-IOM agreement, article 4.");
      form.type("How it will be protected", "IOM's encrypted case system; the protection unit only; deleted after six months.");
      form.date("Needed by", LocalDate.now());
      form.blur();
      browser.tallScreenshot("exchange-request-form", 1900);
      tasklist.submitStartForm();
      String refusal = tasklist.refusalNextToTheButton();
      assertThat(refusal).contains("Information request refused", "Needed by: must be after today")
          .doesNotContain("neededBy", "InformationExchange:");
      assertThat(form.errorOf("Needed by")).contains("must be after today");
      browser.screenshot("exchange-request-refused");
      assertThat(exchanges()).as("a refused request is not saved").isEmpty();

      form.date("Needed by", LocalDate.now().plusWeeks(3));
      form.blur();
      tasklist.submitStartForm();
      tasklist.awaitStartDialogClosed();
      String notice = tasklist.startedNotice();
      Matcher started = Pattern.compile("Submitted as (IX-\\d{4}-\\d{4})").matcher(notice);
      assertThat(started.find()).as(notice).isTrue();
      assertThat(notice).contains("focal points of the agency you asked");
      browser.screenshot("exchange-requested");
      reference = started.group(1);
    }
  }

  @Test
  @Order(2)
  void theProvidingAgencysFocalPointAcceptsAndItsOfficerAnswersForNamedRecipients() throws IOException {
    awaitTask("Task_TriageRequest");
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-reviewer");
      tasklist.openFilter("Information requests");
      tasklist.openTask("Triage information request", reference);
      assertThat(tasklist.form.value("Subject")).isEqualTo(SUBJECT);
      assertThat(tasklist.form.value("Requested by")).isEqualTo("IOM Programme Officer (IOM)");
      tasklist.form.choose("Decision", "Accept");
      browser.tallScreenshot("exchange-triage", 1900);
      tasklist.complete();
    }
    awaitTask("Task_PrepareAnswer");
    // the requesting agency's manager follows it in Cockpit: where it waits, not what will be answered
    try (Browser browser = Browser.open(port)) {
      Cockpit cockpit = Cockpit.loginAs(browser, "iom-manager");
      cockpit.openProcess("Information exchange");
      cockpit.searchBusinessKey(reference);
      cockpit.openInstance(reference);
      assertThat(cockpit.badgeOn("Task_PrepareAnswer")).isEqualTo("1");
      browser.screenshot("exchange-cockpit-diagram");
    }
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-officer");
      tasklist.openFilter("Information requests");
      tasklist.openTask("Prepare answer", reference);
      tasklist.form.type("Answer", ANSWER);
      tasklist.form.type("Handling instructions", "For the named recipients only; delete after the screening plan is agreed.");
      tasklist.form.search("Recipients", "IOM Rev", "IOM Reviewer (iom-reviewer)");
      assertThat(tasklist.form.tags("Recipients")).containsExactly("IOM Reviewer (iom-reviewer)");
      // the case files go with the answer, under its need-to-know; what was typed stays
      By documents = By.cssSelector("[data-ja-form-documents]");
      browser.visible(documents, "the documents under the answer form");
      Path files = Files.createTempDirectory("ja-answer");
      Path caseFiles = Files.write(files.resolve("metema-case-files.pdf"), TestFiles.pdf("Metema case files, anonymised"));
      assertThat(Tasklist.attach(browser, documents, "Annex", "Case files, anonymised", caseFiles))
          .isEqualTo("Attached Case files, anonymised (metema-case-files.pdf).");
      assertThat(browser.driver.findElement(documents).getText()).contains("Case files, anonymised", "answer")
          .doesNotContain("Public");
      assertThat(tasklist.form.value("Answer")).isEqualTo(ANSWER);
      browser.tallScreenshot("exchange-answer", 2400);
      tasklist.complete();
      FileSystemUtils.deleteRecursively(files.toFile());
    }
  }

  @Test
  @Order(3)
  void dataProtectionClearsTheAnswerAndTheRequesterAcknowledgesIt() {
    awaitTask("Task_ClearAnswer");
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-data-protection");
      tasklist.openFilter("Awaiting data-protection clearance");
      tasklist.openTask("Clear answer for release", reference);
      assertThat(tasklist.form.value("Answer")).isEqualTo(ANSWER);
      assertThat(tasklist.form.value("Prepared by")).isEqualTo("UNODC Programme Officer");
      assertThat(tasklist.form.value("Recipients")).isEqualTo("IOM Programme Officer, IOM Reviewer");
      tasklist.form.choose("Decision", "Clear for release");
      browser.tallScreenshot("exchange-clearance", 2200);
      tasklist.complete();
    }
    awaitTask("Task_AcknowledgeReceipt");
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "iom-officer");
      tasklist.openFilter("My tasks");
      tasklist.openTask("Acknowledge receipt", reference);
      assertThat(tasklist.form.value("Answer")).isEqualTo(ANSWER);
      tasklist.form.check("I received the answer and will handle it as instructed");
      browser.tallScreenshot("exchange-acknowledgment", 2000);
      tasklist.complete();
    }
    Await.value(() -> requests.find(reference).filter(r -> r.getState() == ExchangeState.ACKNOWLEDGED),
        reference + " acknowledged");
    // the other named recipient reads it under Information exchange, with its handling instructions
    try (Browser browser = Browser.open(port)) {
      Tasklist.loginAs(browser, "iom-reviewer");
      browser.click(By.cssSelector("[data-ja-action=information-exchange]"), "Information exchange");
      WebElement answer = browser.visible(By.cssSelector("[data-ja-answer='" + reference + "']"),
          "the answer to " + reference + " under Information exchange");
      assertThat(answer.getText()).contains(SUBJECT, "From UNODC, prepared by UNODC Programme Officer", ANSWER,
          "Handling: For the named recipients only");
      String withDocuments = browser.waitFor(d -> answer.getText().contains("metema-case-files.pdf") ? answer.getText() : null,
          "the answer's documents");
      assertThat(withDocuments).contains("Case files, anonymised", "Version 1: metema-case-files.pdf (PDF");
      browser.screenshot("exchange-answers-for-me");
    }
  }

  @Test
  @Order(4)
  void aManagerFindsItInTheExchangeRegisterWithoutItsAnswer() {
    assertThat(reference).as("the request of the first step").isNotNull();
    try (Browser browser = Browser.open(port)) {
      Cockpit.loginAs(browser, "unodc-manager");
      WebElement register = browser.waitFor(d -> {
        WebElement box = d.findElement(By.cssSelector("[data-ja-plugin='exchange-register']"));
        return box.getText().contains(reference) ? box : null;
      }, reference + " in the exchange register on the dashboard");
      browser.scrollIntoView(register);
      assertThat(register.getText()).contains(SUBJECT, "IOM → UNODC", "Confidential, personal data", "Acknowledged",
          "Download the exchange register (CSV)").doesNotContain(ANSWER);
      browser.screenshot("exchange-register-in-cockpit");
    }
  }

  private List<ProcessInstance> exchanges() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("InformationExchange").list();
  }

  private void awaitTask(String taskKey) {
    assertThat(reference).as("the request of the first step").isNotNull();
    Await.value(() -> Optional.of(tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
        .list()).filter(open -> open.size() == 1), "the open " + taskKey);
  }
}
