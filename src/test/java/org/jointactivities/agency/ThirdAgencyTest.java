package org.jointactivities.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.intervention.Interventions;
import org.jointactivities.party.EarlierInstancesTenants;
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
import org.springframework.jdbc.core.JdbcTemplate;


/**
 * A third agency added in configuration alone: it gets groups, demo users, form options, and joins
 * activities; an agency that is no party to an activity may not amend or suspend it, and its people
 * do not see the activity's processes or tasks.
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
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired AsSystem asSystem;
  @Autowired JdbcTemplate jdbc;
  @Autowired EarlierInstancesTenants earlierInstances;

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

  @Test
  void toAnAgencyNoPartyToItAnActivitysProcessesAndTasksDoNotExistAndNoGrantIsWrittenPerActivity() {
    long grantsBefore = authorizations.createAuthorizationQuery().count();
    ProcessInstance instance = unodcWithUnhcr();
    scenario.review(instance, "unhcr-reviewer", "UNHCR", "APPROVE", null);
    scenario.review(instance, "unodc-reviewer", "UNODC", "APPROVE", null);
    String reference = instance.getBusinessKey();

    // the proposal and its sign-off run, with the sign-off's two signature tasks
    assertThat(asSystem.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()))
        .hasSize(2).allSatisfy(process -> assertThat(process.getTenantId()).isEqualTo("UNHCR-UNODC"));
    for (String party : List.of("unodc-manager", "unhcr-manager")) {
      assertThat(instancesSeenBy(party, reference)).as(party).isEqualTo(2);
      assertThat(tasksSeenBy(party, reference)).as(party).isEqualTo(2);
    }
    for (String outsider : List.of("iom-manager", "iom-officer", "iom-reviewer", "iom-signatory-pm")) {
      assertThat(instancesSeenBy(outsider, reference)).as(outsider).isZero();
      assertThat(tasksSeenBy(outsider, reference)).as(outsider).isZero();
    }
    // the signatories see their own agency's signature task, not the other's
    assertThat(tasksSeenBy("unhcr-signatory-pm", reference)).isOne();
    assertThat(tasksSeenBy("unodc-signatory-pm", reference)).isOne();

    // what was written for it: only the engine's grant to each open task's candidate groups
    List<Task> open = scenario.openTasks(instance);
    long candidateGroups = open.stream().mapToLong(task -> asSystem.call(() -> tasks.getIdentityLinksForTask(task.getId()))
        .stream().map(IdentityLink::getGroupId).filter(group -> group != null).count()).sum();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).list())
        .allSatisfy(grant -> assertThat(grant.getResourceId()).isEqualTo(Authorization.ANY));
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list())
        .allSatisfy(grant -> assertThat(grant.getGroupId()).doesNotEndWith("-managers"));
    assertThat(authorizations.createAuthorizationQuery().count() - grantsBefore).isEqualTo(candidateGroups);
  }

  @Test
  void anActivityStartedBeforeThePartyTenantsIsMovedIntoItsTenantAndItsGrantsPerInstanceRemoved() {
    ProcessInstance instance = unodcWithUnhcr();
    String reference = instance.getBusinessKey();
    // as an earlier version left it: no tenant, a read grant per instance and task for the parties' managers
    for (String table : List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_EXECUTION")) {
      jdbc.update("update " + table + " set TENANT_ID_ = null where PROC_INST_ID_ in"
          + " (select PROC_INST_ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ?)", reference);
    }
    jdbc.update("update ACT_RU_IDENTITYLINK set TENANT_ID_ = null");
    asSystem.run(() -> {
      var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("unodc-managers");
      grant.setResource(Resources.PROCESS_INSTANCE);
      grant.setResourceId(instance.getId());
      grant.addPermission(Permissions.READ);
      authorizations.saveAuthorization(grant);
    });
    // without a tenant, the grants on the process definitions would show it to every manager
    assertThat(instancesSeenBy("iom-manager", reference)).isEqualTo(2);

    earlierInstances.move();

    assertThat(instancesSeenBy("iom-manager", reference)).isZero();
    assertThat(tasksSeenBy("iom-manager", reference)).isZero();
    assertThat(instancesSeenBy("unhcr-manager", reference)).isEqualTo(2);
    assertThat(tasksSeenBy("unodc-manager", reference)).isEqualTo(2);
    assertThat(jdbc.queryForList("select NAME_, TASK_ID_, EXECUTION_ID_ from ACT_RU_VARIABLE where TENANT_ID_ is null and PROC_INST_ID_ = ?",
        instance.getId())).isEmpty();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).list())
        .allSatisfy(grant -> assertThat(grant.getResourceId()).isEqualTo(Authorization.ANY));
    // and the review goes on in the tenant
    scenario.review(instance, "unhcr-reviewer", "UNHCR", "APPROVE", null);
    assertThat(asSystem.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference).list()))
        .allSatisfy(task -> assertThat(task.getTenantId()).isEqualTo("UNHCR-UNODC"));
  }

  private ProcessInstance unodcWithUnhcr() {
    Map<String, Object> proposal = Proposals.with("partnerAgency", "UNHCR");
    proposal.put("partnerFocalPoint", "unhcr-reviewer");
    return scenario.submit("unodc-officer", proposal);
  }

  private long instancesSeenBy(String user, String reference) {
    return scenario.as(user, () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count());
  }

  private long tasksSeenBy(String user, String reference) {
    return scenario.as(user, () -> tasks.createTaskQuery().processInstanceBusinessKey(reference).count());
  }
}
