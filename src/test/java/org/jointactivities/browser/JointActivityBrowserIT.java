package org.jointactivities.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.notification.MailSink;
import org.jointactivities.support.Mails;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One joint activity from proposal to signature, in a real browser, as officers, reviewers,
 * signatories and managers of both agencies do it. The steps run in order and share the proposal.
 */
@BrowserTest
@ExtendWith(StepByStep.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JointActivityBrowserIT {

  static final String TITLE = "Joint counter-trafficking training, Southern Africa";
  static final String REFUSAL = "Proposal refused: Planned end date: must be after the planned start date ("
      + ActivityDates.NOT_BEGUN_START + ")";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired MailSink mailSink;
  @Autowired TestRestTemplate http;

  String reference;

  @Test
  @Order(1)
  void anOfficerStartsAProposalAndCorrectsAnInvalidBudget() {
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-officer");
      browser.screenshot("officer-tasklist");
      tasklist.startProcess("Joint activity proposal");
      // tabbing through flags nothing; the line by Start says what it waits for
      tasklist.form.tabThrough("Title", 4);
      assertThat(tasklist.form.fieldErrors()).as("no field is flagged before it was typed in").isEmpty();
      assertThat(tasklist.waitingFor()).startsWith("Start once these are filled in: Title, Summary, Objectives")
          .contains("Planned start date", "Total budget");
      browser.screenshot("start-form-waits");
      fillEveryField(tasklist.form, "95000");
      // dates typed in the browser's order read back with the month's name; focal points are suggested
      assertThat(tasklist.form.dateReads("Planned start date")).isEqualTo("Reads: "
          + ActivityDates.NOT_BEGUN_START.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)));
      assertThat(tasklist.form.suggestions("Focal point of the lead agency")).contains("UNODC Reviewer (UNODC)=unodc-reviewer");
      // the form itself checks the total against the contributions, at the field, before anything is sent
      assertThat(tasklist.form.errorOf("Total budget")).contains("maximum value of 90000");
      browser.scrollIntoView(tasklist.form.fieldElement("Total budget"));
      browser.screenshot("start-form-total-at-the-field");
      assertThat(tasklist.startEnabled()).as("Start waits for a right total").isFalse();
      tasklist.form.type("Total budget", "90000");

      // what only the server judges is shown next to Start, in the form's words, the field marked
      tasklist.form.date("Planned end date", ActivityDates.NOT_BEGUN_START.minusDays(1));
      tasklist.form.blur();
      tasklist.submitStartForm();
      String refusal = tasklist.refusalNextToTheButton();
      assertThat(refusal).contains(REFUSAL).doesNotContain("Cannot instantiate", "JointActivityProposal:", "plannedEndDate");
      assertThat(tasklist.form.errorOf("Planned end date")).contains("must be after the planned start date");
      browser.screenshot("start-form-refuses-end-date");
      assertThat(proposals()).as("a refused proposal is not saved").isEmpty();

      tasklist.form.date("Planned end date", ActivityDates.NOT_BEGUN_END);
      tasklist.form.blur();
      tasklist.submitStartForm();
      tasklist.awaitStartDialogClosed();
      String notice = tasklist.startedNotice();
      Matcher started = Pattern.compile("Submitted as (JA-\\d{4}-\\d{4})").matcher(notice);
      assertThat(started.find()).as(notice).isTrue();
      browser.screenshot("proposal-started");

      // the proposer follows it: where it is and who holds it
      String line = tasklist.myActivity(started.group(1), "Review proposal");
      assertThat(line).contains(TITLE, "In review", "Review proposal", "not yet claimed", "UNODC reviewers", "IOM reviewers");
      browser.screenshot("my-activities");
    }
    ProcessInstance proposal = Await.value(() -> proposals().stream().findFirst(), "the started proposal");
    reference = proposal.getBusinessKey();
    assertThat(reference).matches("JA-\\d{4}-\\d{4}");
    assertThat(registry("unodc-officer").path("activity").path("title").asText()).isEqualTo(TITLE);
  }

  @Test
  @Order(2)
  void reviewersOfBothAgenciesReviewAndTheOfficerRevisesOnRequest() {
    awaitTasks("Task_ReviewSubject", 2);
    // IOM finds the review by its reference, asks for changes and writes to both agencies
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "iom-reviewer");
      tasklist.openFilter("My agency's reviews");
      tasklist.searchReference(reference);
      browser.screenshot("tasklist-search-by-reference");
      tasklist.openTask("Review proposal", reference);
      tasklist.comment("Could the workshops also train Mozambique's border police?");
      browser.screenshot("iom-comments");
      tasklist.showForm();
      tasklist.form.choose("Decision", "Request changes");
      tasklist.form.type("Comment", "Please add a gender marker and indicator.");
      tasklist.complete();
    }
    // UNODC reads IOM's comment and decision in its own task
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-reviewer");
      tasklist.openFilter("My agency's reviews");
      tasklist.openTask("Review proposal", reference);
      assertThat(tasklist.discussion()).contains("IOM Reviewer (IOM)", "in Review proposal",
          "Could the workshops also train Mozambique's border police?");
      browser.screenshot("unodc-reads-iom-comment");
      tasklist.showForm();
      assertThat(tasklist.form.value("The other agency's decision in this round"))
          .isEqualTo("IOM, IOM Reviewer — request changes: Please add a gender marker and indicator.");
      tasklist.form.choose("Decision", "Approve");
      tasklist.complete();
    }

    awaitTasks("Task_ReviseProposal", 1);
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-officer");
      tasklist.openFilter("My tasks");
      tasklist.openTask("Revise proposal", reference);
      tasklist.assertFormHeading("Revise " + reference);
      assertThat(tasklist.form.value("Reviewers' feedback")).contains("Please add a gender marker and indicator.");
      assertThat(tasklist.form.isReadOnly("Title")).as("the proposal is editable in revision").isFalse();
      tasklist.form.tick("Cross-cutting markers", "Gender");
      tasklist.form.type("Indicators", "Officials trained | 0 | 120\nShare of women among officials trained (%) | 0 | 40");
      tasklist.form.choose("Decision", "Resubmit for review");
      browser.tallScreenshot("officer-revises", 2200);
      tasklist.complete();
    }

    awaitTasks("Task_ReviewSubject", 2);
    // round two: what the first round decided, and what changed since, field by field
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "iom-reviewer");
      tasklist.openFilter("My agency's reviews");
      tasklist.openTask("Review proposal", reference);
      assertThat(tasklist.form.value("What changed since the last round")).contains(
          "Cross-cutting markers: Human rights → Gender, Human rights",
          "Indicators: Officials trained | 0 | 120 → Officials trained | 0 | 120 / Share of women among officials trained (%) | 0 | 40");
      assertThat(tasklist.form.value("Earlier rounds")).contains(
          "Round 1 — IOM, IOM Reviewer — request changes: Please add a gender marker and indicator.",
          "Round 1 — UNODC, UNODC Reviewer — approve");
      browser.scrollIntoView(tasklist.form.fieldElement("What changed since the last round"));
      browser.screenshot("round-two-what-changed");
      tasklist.form.choose("Decision", "Approve");
      tasklist.complete();
    }
    review("unodc-reviewer", "UNODC", "Approve", null);
    awaitTasks("Task_SignActivity", 2);
  }

  @Test
  @Order(3)
  void aManagerFindsTheActivityInCockpitWaitingForSignatures() {
    awaitTasks("Task_SignActivity", 2);
    try (Browser browser = Browser.open(port)) {
      Cockpit cockpit = Cockpit.loginAs(browser, "unodc-manager");
      browser.screenshot("cockpit-dashboard");
      assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
          .as("Camunda's end-of-life banner is for administrators").isTrue();
      assertThat(cockpit.portfolioPlugin()).contains("Joint activities:", "By state", "Awaiting signature",
          "Submission to signature (days)", "Budget (USD) by agency");
      browser.screenshot("cockpit-dashboard-portfolio");
      assertThat(cockpit.pickFigure("AWAITING_SIGNATURE")).contains(reference, TITLE, "Awaiting signature");
      browser.screenshot("cockpit-portfolio-figure-opened");
      assertThat(cockpit.humanTasks()).contains("assigned to 1 or more groups", "UNODC signatories: programme manager",
          "IOM signatories: programme manager").doesNotContain("does not have");
      browser.screenshot("cockpit-human-tasks");
      cockpit.findByReference(reference);
      browser.screenshot("cockpit-found-by-reference");
      cockpit.openProcess("Joint activity proposal");
      cockpit.searchBusinessKey(reference);
      browser.screenshot("cockpit-instance-found");
      cockpit.openInstance(reference);
      assertThat(cockpit.badgeOn("CallActivity_DualAgencySignOff")).isEqualTo("1");
      browser.screenshot("cockpit-instance-diagram");
      assertThat(cockpit.activityTab()).contains(reference, "(Awaiting signature)", "Audit trail", "Submitted",
          "unodc-officer", "Revised", "Mozambique (MZ)", "Border management").doesNotContain("BORDER_MANAGEMENT");
      browser.screenshot("cockpit-instance-activity-tab");
    }
  }

  @Test
  @Order(4)
  void anOfficerWhoOpensCockpitIsShownWhereTheirWorkIs() {
    try (Browser browser = Browser.open(port)) {
      Tasklist.loginAs(browser, "unodc-officer");
      browser.go("/camunda/app/cockpit/default/");
      browser.visible(By.xpath("//h1[normalize-space()='This page is not part of your role']"), "the page for a role without Cockpit");
      assertThat(browser.text()).doesNotContain("Whitelabel").contains("Go to Tasklist");
      browser.screenshot("cockpit-not-for-officers");
    }
  }

  @Test
  @Order(5)
  void theMailForATaskLinksToThatTaskInTasklist() {
    Task signature = awaitTasks("Task_SignActivity", 2).stream()
        .filter(task -> "UNODC".equals(tasks.getVariable(task.getId(), "signingAgency"))).findFirst().orElseThrow();
    Mails mail = Await.value(() -> mailSink.received().stream().map(Mails::new)
        .filter(m -> m.subject().startsWith(reference + ": Sign joint activity"))
        .filter(m -> m.to().contains("unodc-signatory-pm@unodc.org")).findFirst(), "the signature mail to unodc-signatory-pm");
    String link = tasklistLink(mail.text());
    assertThat(link).isEqualTo("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + signature.getId());
    assertThat(mail.html()).contains("href=\"" + link + "\"");

    try (Browser browser = Browser.open(port)) {
      // the demo mail sink, read with the webapps' login: the signatory's own mails, newest first
      Tasklist.loginAs(browser, "unodc-signatory-pm");
      browser.go("/mail-sink");
      browser.visible(By.xpath("//p[contains(., 'message(s) to unodc-signatory-pm@unodc.org, newest first')]"),
          "the signatory's own inbox");
      assertThat(browser.driver.findElements(By.tagName("article"))).allSatisfy(
          article -> assertThat(article.getText()).contains("unodc-signatory-pm@unodc.org"));
      browser.visible(By.xpath("//h2[contains(., " + CamundaForm.literal(reference + ": Sign joint activity") + ")]"),
          "the signature mail in the mail sink");
      WebElement article = browser.visible(By.xpath("//article[.//h2[contains(., " + CamundaForm.literal(reference
          + ": Sign joint activity") + ")]][contains(., 'unodc-signatory-pm@unodc.org')]"), "the signature mail in the mail sink");
      browser.scrollIntoView(article);
      browser.screenshot("mail-sink");

      // the mail's button opens the task in a new tab, where the signatory logs in to Tasklist
      String mailSinkTab = browser.driver.getWindowHandle();
      browser.driver.switchTo().frame(article.findElement(By.tagName("iframe")));
      WebElement button = browser.visible(By.partialLinkText("Open the task"), "the mail's link to the task");
      assertThat(button.getAttribute("href")).isEqualTo(link);
      button.click();
      browser.driver.switchTo().defaultContent();
      String taskTab = browser.waitFor(d -> d.getWindowHandles().stream().filter(h -> !h.equals(mailSinkTab)).findFirst()
          .orElse(null), "the link to open a tab");
      browser.driver.switchTo().window(taskTab);
      browser.waitFor(d -> d.getCurrentUrl().contains("task=" + signature.getId()), "the tab to open the link");
      Tasklist tasklist = Tasklist.alreadyLoggedIn(browser);
      tasklist.awaitOpenTask("Sign joint activity");
      tasklist.assertFormHeading("Sign " + reference + " for UNODC");
      browser.screenshot("task-opened-from-mail");
    }
  }

  @Test
  @Order(6)
  void signatoriesOfBothAgenciesSignAndTheActivityIsSigned() {
    awaitTasks("Task_SignActivity", 2);
    sign("unodc-signatory-pm", "UNODC");
    sign("iom-signatory-pm", "IOM");
    JsonNode signed = Await.value(() -> Optional.of(registry("unodc-officer"))
        .filter(r -> "SIGNED".equals(r.path("activity").path("state").asText())), "the activity to be signed");
    assertThat(signed.path("activity").path("reference").asText()).isEqualTo(reference);
    // the proposal's process ends; its implementation, under the same business key, waits for the planned start
    assertThat(Await.value(() -> Optional.of(instances("JointActivityProposal")).filter(n -> n == 0), "the proposal to end"))
        .isZero();
    assertThat(Await.value(() -> Optional.of(instances("ActivityImplementation")).filter(n -> n == 1),
        "the implementation to start")).isEqualTo(1);

    try (Browser browser = Browser.open(port)) {
      browser.go("http://unodc-officer:demo@localhost:" + port + "/api/activities/" + reference);
      browser.waitFor(d -> d.findElement(By.tagName("body")).getText().contains("\"SIGNED\""), "the registry record");
      browser.driver.findElements(By.cssSelector("input[type=checkbox]")).forEach(WebElement::click); // Pretty-print
      browser.screenshot("activity-signed");
    }
  }

  private void review(String reviewer, String agency, String decision, String comment) {
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, reviewer);
      tasklist.openFilter("My agency's reviews");
      browser.screenshot(reviewer + "-reviews");
      tasklist.openTask("Review proposal", reference);
      tasklist.assertFormHeading("Review " + reference + " for " + agency);
      for (String field : List.of("Title", "Summary", "Total budget", "Contribution of the lead agency", "Indicators")) {
        assertThat(tasklist.form.isReadOnly(field)).as(field + " is read-only for the reviewer").isTrue();
      }
      assertThat(tasklist.form.value("Title")).isEqualTo(TITLE);
      assertThat(tasklist.form.value("Total budget")).isEqualTo("90000");
      assertThat(tasklist.form.tags("Countries")).containsExactly("South Africa (ZA)", "Mozambique (MZ)");
      tasklist.showFormTop();
      browser.screenshot(reviewer + "-reads-proposal");
      tasklist.form.choose("Decision", decision);
      if (comment != null) {
        tasklist.form.type("Comment", comment);
      }
      browser.screenshot(reviewer + "-" + decision.toLowerCase().replace(' ', '-'));
      tasklist.complete();
    }
  }

  private void sign(String signatory, String agency) {
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, signatory);
      tasklist.openFilter("Awaiting my signature");
      tasklist.openTask("Sign joint activity", reference);
      tasklist.assertFormHeading("Sign " + reference + " for " + agency);
      assertThat(tasklist.form.isReadOnly("Total budget")).isTrue();
      tasklist.form.choose("Decision", "Sign");
      assertThat(tasklist.form.text()).contains("By signing I attest that I sign " + reference + ", proposal version 2, for "
          + agency + ", with authority at the level of");
      tasklist.form.check("I attest the statement above");
      browser.screenshot(signatory + "-signs");
      tasklist.complete();
      browser.go("/camunda/app/tasklist/default/");
      tasklist.openFilter("Awaiting my signature");
      browser.waitFor(d -> !tasklist.lists("Sign joint activity", reference), "the signed task to leave the list");
      browser.screenshot(signatory + "-signed");
    }
  }

  private static void fillEveryField(CamundaForm form, String totalBudget) {
    form.type("Title", TITLE);
    form.type("Summary", "Joint UNODC-IOM training of border and law-enforcement officials on identifying victims of trafficking.");
    form.type("Objectives", "Improve identification and referral of victims of trafficking at border crossings.");
    form.tick("Thematic areas", "Trafficking in persons");
    form.tick("Thematic areas", "Border management");
    form.tick("Cross-cutting markers", "Human rights");
    form.search("Countries", "South Af", "South Africa");
    form.search("Countries", "Moz", "Mozambique");
    form.select("Region", "Southern Africa");
    form.search("Lead agency", "UNODC", "UNODC");
    form.search("Partner agency", "IOM", "IOM");
    form.type("Focal point of the lead agency", "unodc-reviewer");
    form.type("Focal point of the partner agency", "iom-reviewer");
    form.date("Planned start date", ActivityDates.NOT_BEGUN_START);
    form.date("Planned end date", ActivityDates.NOT_BEGUN_END);
    form.select("Reporting frequency", "Quarterly");
    form.select("Currency", "USD");
    // in the form's order: the contributions, then the total they make
    form.type("Contribution of the lead agency", "60000");
    form.type("Contribution of the partner agency", "30000");
    form.type("Total budget", totalBudget);
    form.type("Deliverables", "Training curriculum\nTwo regional workshops");
    form.type("Indicators", "Officials trained | 0 | 120");
    form.select("Corruption risk rating", "Low");
    form.type("Risk mitigation", "Per diems paid by bank transfer only.");
  }

  private List<ProcessInstance> proposals() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("JointActivityProposal").list();
  }

  private long instances(String processKey) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(reference).count();
  }

  private List<Task> awaitTasks(String taskKey, int count) {
    assertThat(reference).as("the proposal of the first step").isNotNull();
    return Await.value(() -> Optional.of(tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskKey).list()).filter(open -> open.size() == count), count + " open " + taskKey);
  }

  private JsonNode registry(String user) {
    return http.withBasicAuth(user, "demo").getForObject("/api/activities/" + reference, JsonNode.class);
  }

  private static String tasklistLink(String text) {
    Matcher link = Pattern.compile("(http://\\S+#/\\?task=[\\w-]+)").matcher(text);
    assertThat(link.find()).as("a Tasklist link in " + text).isTrue();
    return link.group(1);
  }

}
