package org.jointactivities.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.intervention.Interventions;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.BeforeTheActivityStarts;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;


/**
 * A third agency added in configuration alone: it gets groups, demo users, form options, and joins
 * activities; an agency that is no party to an activity may not amend or suspend it.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-third-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "joint-activities.notifications.delivery.senders=0",
    // its own engine name, so the REST API of the other test context keeps finding its own engine
    "camunda.bpm.process-engine-name=third-agency-test",
    "joint-activities.mail-sink.port=0",
    "joint-activities.notifications.reminder-scan-interval=P1D",
    "logging.level.root=WARN",
    "logging.level.org.camunda.bpm.engine.context=OFF",
    "joint-activities.agencies[0].code=UNODC",
    "joint-activities.agencies[0].name=United Nations Office on Drugs and Crime",
    "joint-activities.agencies[0].email-domain=unodc.org",
    "joint-activities.agencies[1].code=IOM",
    "joint-activities.agencies[1].name=International Organization for Migration",
    "joint-activities.agencies[1].email-domain=iom.int",
    "joint-activities.agencies[2].code=UNHCR",
    "joint-activities.agencies[2].name=United Nations High Commissioner for Refugees",
    "joint-activities.agencies[2].email-domain=unhcr.org"
})
@Import(Scenario.class)
@ExtendWith(BeforeTheActivityStarts.class)
class ThirdAgencyTest {

  @Autowired Scenario scenario;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired Interventions interventions;

  @Test
  void aThirdAgencyConfiguredInConfigJoinsActivities() throws IOException {
    assertThat(identity.createGroupQuery().groupId("unhcr-reviewers").count()).isOne();
    assertThat(identity.createUserQuery().memberOfGroup("unhcr-signatories-director").list()).isNotEmpty();
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("JointActivityProposal")
        .latestVersion().singleResult().getId();
    try (InputStream form = repository.getResourceAsStream(
        repository.getProcessDefinition(definitionId).getDeploymentId(), "forms/proposal.form")) {
      assertThat(new String(form.readAllBytes())).contains("UNHCR – United Nations High Commissioner for Refugees");
    }

    Map<String, Object> proposal = Proposals.with("partnerAgency", "UNHCR");
    proposal.put("partnerFocalPoint", "unhcr-reviewer");
    ProcessInstance instance = scenario.submit("unodc-officer", proposal);
    scenario.review(instance, "unhcr-reviewer", "UNHCR", "APPROVE", null);
    scenario.review(instance, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.sign(instance, "unhcr-signatory-pm", "UNHCR");
    scenario.sign(instance, "unodc-signatory-pm", "UNODC");

    assertThat(scenario.activity(instance).getState()).isEqualTo(ActivityState.SIGNED);
    assertThat(scenario.activity(instance).getPartnerAgency()).isEqualTo("UNHCR");

    // IOM is no party to it: to its officers and managers it does not exist, to amend or to suspend
    assertThatThrownBy(() -> scenario.requestAmendment("iom-officer", Map.of("activityReference", instance.getBusinessKey(),
        "newEndDate", "2028-03-31", "justification", "x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Amendment refused: activityReference: no joint activity has the reference " + instance.getBusinessKey());
    scenario.runJobs();
    assertThatThrownBy(() -> interventions.suspend(instance.getBusinessKey(), "iom-manager", "x"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("No joint activity with reference " + instance.getBusinessKey());
    // a party's officer who is no manager is told who may
    assertThatThrownBy(() -> interventions.suspend(instance.getBusinessKey(), "unhcr-officer", "x"))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("unhcr-officer may not suspend " + instance.getBusinessKey() + ": only a manager of UNODC or UNHCR may");
    assertThat(scenario.activity(instance).getState()).isEqualTo(ActivityState.SIGNED);
  }
}
