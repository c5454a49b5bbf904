package org.jointactivities.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.JointActivitiesApplication;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The history level in use: a database an earlier version kept at FULL starts under ours, with its
 * history kept; from then on the activity's work is in history (tasks, who did what) but neither the
 * intermediate values of variables nor the copies a task shows.
 */
class HistoryLevelRestartTest {

  final String database = "jdbc:h2:mem:ja-history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @Test
  void aDatabaseKeptAtFullStartsUnderOurLevelAndKeepsItsHistory() {
    String earlier;
    long detailsBefore;
    try (ConfigurableApplicationContext full = start("--camunda.bpm.history-level=full")) {
      Scenario scenario = full.getAutowireCapableBeanFactory().createBean(Scenario.class);
      earlier = scenario.submitValid().getProcessInstanceId();
      detailsBefore = full.getBean(HistoryService.class).createHistoricDetailQuery().count();
      assertThat(detailsBefore).as("FULL writes variable details").isPositive();
    }

    try (ConfigurableApplicationContext ours = start()) {
      ManagementService management = ours.getBean(ManagementService.class);
      HistoryService history = ours.getBean(HistoryService.class);
      assertThat(management.getProperties()).containsEntry("historyLevel", String.valueOf(NoCopiesHistoryLevel.ID));
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(earlier).count()).isEqualTo(1);
      assertThat(history.createHistoricDetailQuery().count()).as("earlier history kept").isEqualTo(detailsBefore);

      Scenario scenario = ours.getAutowireCapableBeanFactory().createBean(Scenario.class);
      ProcessInstance proposal = scenario.submitValid();
      scenario.runJobs();
      scenario.complete("unodc-reviewer", scenario.task(proposal, "Task_ReviewProposal", "UNODC"),
          Map.of("reviewDecision", "APPROVE"));
      scenario.runJobs();

      assertThat(history.createHistoricDetailQuery().count()).as("no new variable details").isEqualTo(detailsBefore);
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(reviewsOf(ours, proposal)).list())
          .as("no task's variables in history").allSatisfy(variable -> assertThat(variable.getTaskId()).isNull());
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(proposal.getBusinessKey())
          .finished().count()).as("the completed review task").isEqualTo(1);
      assertThat(history.createUserOperationLogQuery().operationType("Complete").count())
          .as("who completed what, as FULL keeps it").isPositive();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(proposal.getId())
          .variableName("activityId").count()).as("process variables keep their last value").isEqualTo(1);
    }
  }

  private static String[] reviewsOf(ConfigurableApplicationContext context, ProcessInstance proposal) {
    return context.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(proposal.getBusinessKey()).list().stream().map(p -> p.getId()).toArray(String[]::new);
  }

  private ConfigurableApplicationContext start(String... more) {
    String[] arguments = {
        "--spring.datasource.url=" + database,
        "--server.port=0",
        "--camunda.bpm.process-engine-name=historytest",
        "--camunda.bpm.job-execution.enabled=false",
        "--joint-activities.notifications.delivery.senders=0",
        "--joint-activities.mail-sink.port=0",
        "--joint-activities.notifications.reminder-scan-interval=P1D",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda.bpm.engine.context=OFF"};
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(arguments), java.util.Arrays.stream(more))
        .toArray(String[]::new);
    return new SpringApplicationBuilder(JointActivitiesApplication.class).run(all);
  }
}
