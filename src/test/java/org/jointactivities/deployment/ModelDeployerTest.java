package org.jointactivities.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.jointactivities.support.JointActivitiesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.UrlResource;

/** Models and forms deploy together under stable names, and unchanged models are not deployed again. */
@JointActivitiesTest
class ModelDeployerTest {

  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repository;

  @Test
  void modelsAndFormsAreOneDeploymentUnderStableNames() {
    Deployment deployment = repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    assertThat(repository.getDeploymentResources(deployment.getId())).extracting(Resource::getName)
        .containsExactlyInAnyOrder("bpmn/joint-activity-proposal.bpmn", "bpmn/dual-agency-sign-off.bpmn",
            "bpmn/activity-implementation.bpmn", "bpmn/activity-amendment.bpmn",
            "bpmn/signatory-level.dmn", "forms/proposal.form", "forms/proposal-review.form",
            "forms/proposal-revision.form", "forms/activity-sign-off.form", "forms/progress-report.form",
            "forms/progress-report-review.form", "forms/amendment.form", "forms/amendment-review.form");
  }

  @Test
  void aRestartWithUnchangedModelsCreatesNoNewVersion() {
    long deployments = repository.createDeploymentQuery().count();
    int version = repository.createProcessDefinitionQuery().processDefinitionKey("JointActivityProposal")
        .latestVersion().singleResult().getVersion();

    deployer.deploy();

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("JointActivityProposal")
        .latestVersion().singleResult().getVersion()).isEqualTo(version);
  }

  @Test
  void theNameIsTheSameFromAFolderAndFromAJar() throws Exception {
    assertThat(ModelDeployer.stableName(new UrlResource(new URL("file:/home/dev/ja/target/classes/bpmn/a-process.bpmn"))))
        .isEqualTo("bpmn/a-process.bpmn");
    assertThat(ModelDeployer.stableName(new UrlResource(
        new URL("jar:file:/opt/ja/joint-activities.jar!/BOOT-INF/classes!/forms/proposal.form"))))
        .isEqualTo("forms/proposal.form");
  }
}
