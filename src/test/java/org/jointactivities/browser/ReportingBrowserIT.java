package org.jointactivities.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.reporting.IndicatorProgress;
import org.jointactivities.reporting.ProgressReport;
import org.jointactivities.reporting.ProgressReports;
import org.jointactivities.reporting.ReportStatus;
import org.jointactivities.support.Reports;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first progress report of an activity, in a real browser: the lead agency's officer submits
 * it in Tasklist (the server refuses it once, naming the field); IOM's reviewer reads it read-only
 * and sends it back, having to give feedback; the officer revises it and both agencies accept it
 * (UNODC and the revision in the JVM, IOM in the browser). The activity gets there in the JVM: it
 * is signed with a planned start four months in the past (quarterly), so it is active at once and
 * its first quarter's report is due, without moving the engine's clock. The job executor runs, so
 * the test waits for what it does. The steps run in order and share the activity.
 */
@BrowserTest
@ExtendWith(StepByStep.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingBrowserIT {

  static final String TITLE = "Joint referral of trafficking victims at border posts";
  static final String PERIOD = ActivityDates.RUNNING_FIRST_PERIOD;
  static final String REFUSAL =
      "Progress report refused: Progress per indicator: needs a line for the indicator 'Referrals made'";
  static final String NARRATIVE = "Two workshops held in Beitbridge and Ressano Garcia; curriculum drafted.";
  static final String FEEDBACK = "Please break the expenditure down by workshop.";
  static final String BREAKDOWN = "Beitbridge workshop: 7 000; Ressano Garcia workshop: 5 000.";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JointActivityRepository activities;
  @Autowired ProgressReports reports;
  @Autowired TestRestTemplate http;

  @Autowired Scenario scenario;
  ProcessInstance proposal;
  String reference;

  /** Signed in the JVM, as the other browser test does in the browser; the job executor starts the implementation. */
  @BeforeAll
  void anActivitySignedWithItsFirstQuarterOver() {
    proposal = SignedInTheJvm.runningActivity(scenario, tasks, runtime, TITLE);
    reference = proposal.getBusinessKey();
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.ACTIVE);
    assertThat(report().getStatus()).isEqualTo(ReportStatus.DUE);
  }

  @Test
  @Order(1)
  void theOfficerSubmitsTheReportAndCorrectsAMissingIndicator(@TempDir Path files) throws IOException {
    Path attendance = Files.writeString(files.resolve("attendance-beitbridge.csv"),
        "name,post\nA. Diallo,Beitbridge\nJ. Banda,Ressano Garcia\n", StandardCharsets.UTF_8);
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = Tasklist.loginAs(browser, "unodc-officer");
      tasklist.openFilter("My agency's reports");
      browser.waitFor(d -> tasklist.lists("Submit progress report", reference), "the report task in My agency's reports");
      browser.screenshot("officer-reports");
      tasklist.openTask("Submit progress report", reference);
      tasklist.assertFormHeading("Progress report on " + reference);
      assertThat(tasklist.form.text()).contains(PERIOD);
      assertThat(tasklist.form.isReadOnly("Indicators agreed (name | baseline | target)")).isTrue();
      assertThat(tasklist.form.value("Indicators agreed (name | baseline | target)"))
          .isEqualTo("Officials trained | 0 | 120\nReferrals made | 5 | 40");
      assertThat(tasklist.form.value("Progress per indicator")).as("one line per indicator to complete")
          .isEqualTo("Officials trained | \nReferrals made | ");
      browser.tallScreenshot("officer-opens-report", 1800);

      // the officer drops the line of an indicator: the server refuses the report, naming the field
      tasklist.form.type("Narrative", NARRATIVE);
      tasklist.form.type("Progress per indicator", "Officials trained | 30");
      tasklist.form.type("Spent to date by the lead agency", "12000");
      tasklist.form.type("Spent to date by the partner agency", "6000");
      tasklist.form.type("Risks", "Staff turnover at two border posts.");
      tasklist.showFormTop();
      browser.tallScreenshot("officer-fills-report", 1800);
      assertThat(tasklist.completeRefused()).contains(REFUSAL).doesNotContain("indicatorProgress", "Cannot submit task form");
      assertThat(tasklist.refusalNextToTheButton()).contains(REFUSAL);
      assertThat(tasklist.form.errorOf("Progress per indicator")).contains("needs a line for the indicator 'Referrals made'");
      browser.screenshot("report-refused");
      assertThat(report().getStatus()).as("a refused report is not saved").isEqualTo(ReportStatus.DUE);
      assertThat(report().getSubmissions()).isZero();

      tasklist.dismissNotifications();
      tasklist.form.type("Progress per indicator", "Officials trained | 30\nReferrals made | 13");
      browser.screenshot("officer-corrects-report");

      // evidence attached under the form goes to this period's report; the form keeps what was typed
      By documents = By.cssSelector("[data-ja-form-documents]");
      assertThat(browser.visible(documents, "the documents under the form").getText()).contains("Joint activity agreement, proposal");
      assertThat(new Select(browser.driver.findElement(By.cssSelector("[data-ja-form-documents] [data-ja-field=type]")))
          .getFirstSelectedOption().getText()).as("preselected for a report").isEqualTo("Report evidence");
      assertThat(Tasklist.attach(browser, documents, "Report evidence", "Attendance lists", attendance))
          .isEqualTo("Attached Attendance lists (attendance-beitbridge.csv).");
      assertThat(browser.driver.findElement(documents).getText()).contains("Attendance lists", "Report evidence",
          "progress report 1", "Version 1: attendance-beitbridge.csv (CSV");
      browser.scrollIntoView(browser.driver.findElement(documents));
      browser.screenshot("officer-attaches-report-evidence");
      assertThat(tasklist.form.value("Narrative")).isEqualTo(NARRATIVE);
      assertThat(tasklist.form.value("Progress per indicator")).isEqualTo("Officials trained | 30\nReferrals made | 13");
      tasklist.complete();
      browser.go("/camunda/app/tasklist/default/");
      tasklist.openFilter("My agency's reports");
      browser.waitFor(d -> !tasklist.lists("Submit progress report", reference), "the submitted report to leave the list");
      browser.screenshot("report-submitted");
    }
    ProgressReport submitted = Await.value(() -> Optional.of(report()).filter(r -> r.getStatus() == ReportStatus.SUBMITTED),
        "the report to be submitted");
    assertThat(submitted.getSubmittedBy()).isEqualTo("unodc-officer");
    assertThat(submitted.getIndicators()).extracting(IndicatorProgress::toString)
        .containsExactly("Officials trained | 30", "Referrals made | 13");
    assertThat(submitted.getLeadExpenditure()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(submitted.getPartnerExpenditure()).isEqualByComparingTo(new BigDecimal("6000"));
  }

  @Test
  @Order(2)
  void iomSendsTheReportBackWithFeedbackWhichItMustGive() {
    complete("unodc-reviewer", "Task_ReviewSubject", "UNODC", Map.of("reviewDecision", "ACCEPT"));
    awaitTask("Task_ReviewSubject", "IOM");
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = openReview(browser);
      // the other agency opens the evidence read-only, attached to the report it reviews
      assertThat(tasklist.documents()).contains("Attendance lists", "progress report 1", "attendance-beitbridge.csv");
      assertThat(browser.driver.findElements(By.cssSelector("[data-ja-plugin=attach-document]"))).isEmpty();
      browser.screenshot("iom-reviewer-opens-report-evidence");
      tasklist.showForm();
      for (String field : List.of("Narrative", "Progress per indicator", "Spent to date by the lead agency",
          "Spent to date by the partner agency", "Risks")) {
        assertThat(tasklist.form.isReadOnly(field)).as(field + " is read-only for the reviewer").isTrue();
      }
      assertThat(tasklist.form.value("Narrative")).isEqualTo(NARRATIVE);
      assertThat(tasklist.form.value("Progress per indicator"))
          .isEqualTo("Officials trained: 30 of a target of 120\nReferrals made: 13 of a target of 40");
      assertThat(new BigDecimal(tasklist.form.value("Spent to date by the lead agency"))).isEqualByComparingTo("12000");
      assertThat(new BigDecimal(tasklist.form.value("Spent to date by the partner agency"))).isEqualByComparingTo("6000");
      tasklist.showFormTop();
      browser.tallScreenshot("iom-reviewer-reads-report", 1800);

      // sending back needs feedback: the field appears with the choice, the form asks for it, nothing is sent
      tasklist.form.choose("Decision", "Send back to the officer");
      tasklist.clickComplete();
      assertThat(tasklist.form.errorOf("Feedback")).contains("Field is required.");
      browser.screenshot("iom-reviewer-send-back-needs-feedback");
      assertThat(report().getStatus()).isEqualTo(ReportStatus.SUBMITTED);
      tasklist.dismissNotifications();
      tasklist.form.type("Feedback", FEEDBACK);
      browser.screenshot("iom-reviewer-sends-back");
      tasklist.complete();
    }
    ProgressReport sentBack = Await.value(() -> Optional.of(report()).filter(r -> r.getStatus() == ReportStatus.SENT_BACK),
        "the report to be sent back");
    assertThat(sentBack.getSubmissions()).isEqualTo(1);
  }

  @Test
  @Order(3)
  void theOfficerRevisesAndBothAgenciesAcceptTheReport() {
    Task revision = awaitTask("Task_SubmitProgressReport", null);
    assertThat(tasks.getVariable(revision.getId(), "reviewerFeedback")).isEqualTo("IOM (iom-reviewer): " + FEEDBACK);
    scenario.complete("unodc-officer", revision, Reports.with(1, "narrative", NARRATIVE + " " + BREAKDOWN));
    complete("unodc-reviewer", "Task_ReviewSubject", "UNODC", Map.of("reviewDecision", "ACCEPT"));
    awaitTask("Task_ReviewSubject", "IOM");
    try (Browser browser = Browser.open(port)) {
      Tasklist tasklist = openReview(browser);
      assertThat(tasklist.form.value("Narrative")).endsWith(BREAKDOWN);
      tasklist.form.choose("Decision", "Accept");
      assertThat(browser.driver.findElements(CamundaForm.field("Feedback"))).as("no feedback asked to accept").isEmpty();
      browser.screenshot("iom-reviewer-accepts");
      tasklist.complete();
      browser.go("/camunda/app/tasklist/default/");
      tasklist.openFilter("My agency's reviews");
      browser.waitFor(d -> !tasklist.lists("Review progress report", reference), "the review to leave the list");
      browser.screenshot("iom-reviewer-accepted");
    }
    ProgressReport accepted = Await.value(() -> Optional.of(report()).filter(r -> r.getStatus() == ReportStatus.ACCEPTED),
        "the report to be accepted by both agencies");
    assertThat(accepted.getSubmissions()).isEqualTo(2);
    assertThat(accepted.getAcceptedAt()).isNotNull();
    JsonNode schedule = http.withBasicAuth("iom-officer", "demo")
        .getForObject("/api/activities/" + reference + "/reports", JsonNode.class);
    assertThat(schedule.path("reports").get(0).path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.ACTIVE);
  }

  /** iom-reviewer opens the review of the report from My agency's reviews. */
  private Tasklist openReview(Browser browser) {
    Tasklist tasklist = Tasklist.loginAs(browser, "iom-reviewer");
    tasklist.openFilter("My agency's reviews");
    browser.waitFor(d -> tasklist.lists("Review progress report", reference), "the report review in My agency's reviews");
    browser.screenshot("iom-reviewer-report-reviews");
    tasklist.openTask("Review progress report", reference);
    tasklist.assertFormHeading("Review the progress report on " + reference + " for IOM");
    assertThat(tasklist.form.text()).contains(PERIOD + ", submitted by unodc-officer");
    return tasklist;
  }

  private ProgressReport report() {
    return reports.forActivity(scenario.activity(proposal).getId()).get(0);
  }

  private void complete(String user, String taskKey, String agency, Map<String, Object> values) {
    SignedInTheJvm.complete(scenario, tasks, reference, user, taskKey, agency, values);
  }

  private Task awaitTask(String taskKey, String agency) {
    return Await.task(tasks, reference, taskKey, agency);
  }

}
