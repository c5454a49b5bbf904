package org.jointactivities.jointstatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A new jointly reviewed request takes a model, its forms and one package (this one, with
 * JointStatementReview): no production code changes. Both agencies review it in the joint review,
 * under the same rules as everything else: their own agency only, never their own work, a comment
 * where the decision needs one; it shows in the reviewers' filter; decisions are stored and audited.
 */
@JointActivitiesTest
@Import(JointStatementReview.class)
// a context of its own (the new subject is a bean of it), so a JVM of its own (pom.xml)
class NewReviewedRequestTest {

  @Autowired Scenario scenario;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired FormService forms;
  @Autowired HistoryService history;

  @BeforeEach
  void deployTheNewModel() {
    repository.createDeployment().name("joint-statement").enableDuplicateFiltering(true)
        .addClasspathResource("jointstatement/joint-statement.bpmn")
        .addClasspathResource("jointstatement/joint-statement-review.form").deploy();
  }

  @Test
  void bothAgenciesReviewTheNewRequestUnderTheUsualRules() throws IOException {
    scenario.person("statement-officer-reviewer", "unodc-officers", "unodc-reviewers");
    ProcessInstance proposal = scenario.submit("statement-officer-reviewer", Proposals.valid());
    JointActivity activity = scenario.activity(proposal);
    ProcessInstance statement = runtime.startProcessInstanceByKey("JointStatement", activity.getReference(), Map.of(
        "activityId", activity.getId(), "title", activity.getTitle(), "leadAgency", "UNODC", "partnerAgency", "IOM"));

    List<Task> reviews = tasks.createTaskQuery().processInstanceBusinessKey(activity.getReference())
        .taskName("Review joint statement").list();
    assertThat(reviews).hasSize(2);
    Task unodc = task(activity, "UNODC");
    Task iom = task(activity, "IOM");
    assertThat(scenario.variable(iom, "summary")).isEqualTo(activity.getSummary());
    try (var form = forms.getDeployedTaskForm(iom.getId())) {
      assertThat(new String(form.readAllBytes())).as("Tasklist finds the new review form")
          .contains("\"id\": \"JointStatementReviewForm\"");
    }
    Filter reviewFilter = filters.createFilterQuery().filterName("My agency's reviews").singleResult();
    assertThat(scenario.as("iom-reviewer", () -> filters.<Task>list(reviewFilter.getId())))
        .extracting(Task::getId).contains(iom.getId()).doesNotContain(unodc.getId());

    // the other agency's reviewer has no grant on the task; even an administrator, who has, is refused by the rules
    assertThatThrownBy(() -> scenario.claim("unodc-reviewer", iom)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> scenario.claim("admin", iom)).isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("admin may not review the joint statement on " + activity.getReference() + " for IOM");
    assertThatThrownBy(() -> scenario.claim("statement-officer-reviewer", unodc)).isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("Four-eyes rule: statement-officer-reviewer drafted");
    assertThatThrownBy(() -> scenario.complete("iom-reviewer", iom, Map.of("reviewDecision", "REJECT")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Statement review refused: reviewComment: is required when rejecting");

    scenario.complete("iom-reviewer", iom, Map.of("reviewDecision", "APPROVE"));
    scenario.complete("unodc-reviewer", unodc, Map.of("reviewDecision", "APPROVE"));
    scenario.runJobs();

    // this context's engine (the assertions library would look at the default one)
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(statement.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(statement.getId())
        .activityId("EndEvent_StatementApproved").count()).isOne();
    assertThat(scenario.audit(proposal)).filteredOn(entry -> "statement-1".equals(entry.getStep()))
        .extracting(entry -> entry.getAgency() + " " + entry.getAction())
        .containsExactlyInAnyOrder("IOM " + AuditAction.APPROVED, "UNODC " + AuditAction.APPROVED);
  }

  private Task task(JointActivity activity, String agency) {
    return tasks.createTaskQuery().processInstanceBusinessKey(activity.getReference()).taskName("Review joint statement")
        .list().stream().filter(task -> agency.equals(tasks.getVariable(task.getId(), "reviewAgency"))).findFirst()
        .orElseThrow();
  }
}
