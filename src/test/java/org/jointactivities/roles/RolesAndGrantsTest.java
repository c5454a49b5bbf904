package org.jointactivities.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Roles, grants and filters: filters that fit each role, listing what the models declare, and a restart that changes nothing. */
@JointActivitiesTest
class RolesAndGrantsTest {

  @Autowired RolesAndGrants roles;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired Scenario scenario;
  @Autowired TaskService tasks;

  @Test
  void eachRoleSeesTheFiltersThatFitIt() {
    assertThat(filterNames("unodc-officer")).containsExactlyInAnyOrder("My tasks", "My agency's reports",
        "Information requests", "Overdue");
    assertThat(filterNames("iom-reviewer")).containsExactlyInAnyOrder("My tasks", "My agency's reviews",
        "Information requests", "Overdue");
    assertThat(filterNames("iom-data-protection")).containsExactlyInAnyOrder("My tasks",
        "Awaiting data-protection clearance", "Overdue");
    assertThat(filterNames("iom-signatory-pm")).containsExactlyInAnyOrder("My tasks", "Awaiting my signature", "Overdue");
  }

  @Test
  void theReviewFilterShowsAReviewerTheirAgencysReviewsOnly() {
    ProcessInstance proposal = scenario.submitValid();
    Filter reviews = filters.createFilterQuery().filterName("My agency's reviews").singleResult();
    List<Task> visible = scenario.as("iom-reviewer", () -> filters.list(reviews.getId()));
    List<String> agencies = visible.stream()
        .filter(task -> proposal.getBusinessKey().equals(scenario.variable(task, "reference")))
        .map(task -> (String) tasks.getVariable(task.getId(), "reviewAgency"))
        .toList();
    assertThat(agencies).containsExactly("IOM");
  }

  @Test
  void aRestartChangesNothing() {
    long groups = identity.createGroupQuery().count();
    long grants = authorizations.createAuthorizationQuery().count();
    long filterCount = filters.createFilterQuery().count();

    roles.create();

    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
    assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
  }

  private List<String> filterNames(String user) {
    return scenario.as(user, () -> filters.createFilterQuery().list().stream().map(Filter::getName).toList());
  }
}
