package org.jointactivities.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager intervenes from Cockpit, in the tab "Joint activity" of the activity's implementation:
 * {@code unodc-manager} tries to suspend without a reason (the server refuses, the tab says why),
 * then suspends with one; {@code iom-manager} resumes and terminates. Each click posts to our API
 * with the Cockpit session and its CSRF token, and the tab renders the record anew. The activity
 * gets there in the JVM, as in {@link ReportingBrowserIT}: signed with a planned start in the past,
 * so it is active at once. The steps run in order and share the activity; the first manager's
 * browser stays open across the first three steps, as a person's would.
 */
@BrowserTest
@ExtendWith(StepByStep.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CockpitInterventionBrowserIT {

  static final String TITLE = "Joint screening of migrants for protection needs at ports of entry";
  static final String SUSPENSION_REFUSAL = "Intervention refused: reason: is required: say why";
  static final String SUSPENSION_REASON = "Audit of the partner's spending under way.";
  static final String TERMINATION_REASON = "The audit found the budget misused; both agencies end the activity.";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Autowired Scenario scenario;
  ProcessInstance proposal;
  String reference;
  String implementation;
  /** unodc-manager's Cockpit, open from the first step to the third. */
  Browser unodcManager;
  Cockpit cockpit;

  /** Signed in the JVM; the job executor starts the implementation, which is active at once. */
  @BeforeAll
  void anActiveActivity() {
    proposal = SignedInTheJvm.runningActivity(scenario, tasks, runtime, TITLE);
    reference = proposal.getBusinessKey();
    // the first quarter's report is due: wait for the job executor to rest
    implementation = Await.value(() -> Optional.ofNullable(runtime.createProcessInstanceQuery()
        .processDefinitionKey("ActivityImplementation").processInstanceBusinessKey(reference).singleResult()),
        "the implementation of " + reference).getId();
    Await.value(() -> Optional.of(management.createJobQuery().processInstanceId(implementation).executable().count())
        .filter(n -> n == 0), "the implementation's due jobs to run");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.ACTIVE);
  }

  @AfterAll
  void closeTheBrowser() {
    if (unodcManager != null) {
      unodcManager.close();
    }
  }

  @Test
  @Order(1)
  void aManagerOpensTheActivityTabOfItsImplementation() {
    unodcManager = Browser.open(port);
    cockpit = Cockpit.loginAs(unodcManager, "unodc-manager");
    cockpit.openProcess("Joint activity implementation");
    cockpit.searchBusinessKey(reference);
    cockpit.openInstance(reference);
    String tab = cockpit.activityTab();
    assertThat(cockpit.activityHeading()).isEqualTo(reference + " — " + TITLE + " (Active)");
    assertThat(tab).contains("Reporting", "Period", "Report",
        ActivityDates.RUNNING_START.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)), "Due", "Intervene as a manager", "Audit trail",
        "Signed", "Activity signed");
    assertThat(cockpit.interventions()).containsExactly("Suspend", "Terminate");
    cockpit.showActivityTop();
    unodcManager.tallScreenshot("cockpit-activity-tab-active", 1600);
  }

  @Test
  @Order(2)
  void suspendingWithoutAReasonIsRefusedInTheTab() {
    cockpit.intervene("suspension", "");
    assertThat(cockpit.interventionRefusal()).isEqualTo(SUSPENSION_REFUSAL);
    unodcManager.screenshot("cockpit-suspension-refused");
    assertThat(cockpit.activityHeading()).endsWith("(Active)");
    assertThat(scenario.activity(proposal).getState()).as("a refused suspension changes nothing").isEqualTo(ActivityState.ACTIVE);
    assertThat(instance().isSuspended()).isFalse();
  }

  @Test
  @Order(3)
  void theManagerSuspendsWithAReason() {
    cockpit.intervene("suspension", SUSPENSION_REASON);
    String tab = cockpit.awaitActivityState("Suspended");
    assertThat(cockpit.interventions()).containsExactly("Resume", "Terminate");
    assertThat(tab).doesNotContain(SUSPENSION_REFUSAL);
    List<String> entry = cockpit.lastAuditEntry("Suspended");
    assertThat(entry.subList(1, 6)).containsExactly("unodc-manager", "UNODC", "Suspended", "Suspended", SUSPENSION_REASON);
    cockpit.showSection("Intervene as a manager");
    unodcManager.tallScreenshot("cockpit-activity-suspended", 1600);

    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.SUSPENDED);
    assertThat(instance().isSuspended()).as("the implementation's process instance is suspended").isTrue();
    AuditEntry suspended = lastAudit();
    assertThat(suspended.getAction()).isEqualTo(AuditAction.SUSPENDED);
    assertThat(suspended.getActor()).isEqualTo("unodc-manager");
    assertThat(suspended.getComment()).isEqualTo(SUSPENSION_REASON);
    unodcManager.close();
    unodcManager = null;
  }

  @Test
  @Order(4)
  void theOtherAgencysManagerResumesThenTerminates() {
    try (Browser browser = Browser.open(port)) {
      Cockpit iom = Cockpit.loginAs(browser, "iom-manager");
      iom.openProcess("Joint activity implementation");
      iom.searchBusinessKey(reference);
      iom.openInstance(reference);
      iom.activityTab();
      assertThat(iom.activityHeading()).endsWith("(Suspended)");
      assertThat(iom.interventions()).containsExactly("Resume", "Terminate");

      // the reason is optional to resume
      iom.intervene("resumption", "");
      iom.awaitActivityState("Active");
      assertThat(iom.interventions()).containsExactly("Suspend", "Terminate");
      assertThat(iom.lastAuditEntry("Resumed").subList(1, 5)).containsExactly("iom-manager", "IOM", "Resumed", "Active");
      browser.screenshot("cockpit-activity-resumed");
      assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.ACTIVE);
      assertThat(instance().isSuspended()).isFalse();

      iom.intervene("termination", TERMINATION_REASON);
      String tab = iom.awaitActivityState("Terminated");
      assertThat(tab).contains("No intervention is possible in this state.");
      assertThat(iom.interventions()).isEmpty();
      assertThat(iom.lastAuditEntry("Terminated").subList(1, 6))
          .containsExactly("iom-manager", "IOM", "Terminated", "Terminated", TERMINATION_REASON);
      iom.showSection("Intervene as a manager");
      browser.tallScreenshot("cockpit-activity-terminated", 1600);
    }
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.TERMINATED);
    assertThat(lastAudit().getActor()).isEqualTo("iom-manager");
    assertThat(lastAudit().getComment()).isEqualTo(TERMINATION_REASON);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(implementation).count())
        .as("the implementation has ended").isZero();
  }

  private ProcessInstance instance() {
    return runtime.createProcessInstanceQuery().processInstanceId(implementation).singleResult();
  }

  private AuditEntry lastAudit() {
    List<AuditEntry> trail = scenario.audit(proposal);
    return trail.get(trail.size() - 1);
  }

}
