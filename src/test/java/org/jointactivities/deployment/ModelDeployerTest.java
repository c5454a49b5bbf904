package org.jointactivities.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.net.URL;
import java.util.Map;
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
            "bpmn/joint-review.bpmn", "bpmn/signatory-level.dmn", "forms/proposal.form", "forms/proposal-review.form",
            "forms/proposal-revision.form", "forms/activity-sign-off.form", "forms/progress-report.form",
            "forms/progress-report-review.form", "forms/amendment.form", "forms/amendment-review.form",
            "bpmn/information-exchange.bpmn", "forms/information-request.form", "forms/triage-request.form",
            "forms/clarify-request.form", "forms/prepare-answer.form", "forms/clear-answer.form",
            "forms/acknowledge-receipt.form");
  }

  @Test
  void theProposalsFieldsAreDefinedOnceAndShownInEveryFormThatShowsTheProposal() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (var sources = Files.list(Path.of("forms"))) {
      List<Path> defining = sources.filter(file -> {
        try {
          return !json.readTree(file.toFile()).findParents("key").stream()
              .filter(field -> field.path("key").asText().equals("title")).toList().isEmpty();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
      assertThat(defining).as("forms that define the title field").containsExactly(Path.of("forms", "proposal.form"));
    }
    Deployment deployment = repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    for (String form : List.of("forms/proposal-review.form", "forms/activity-sign-off.form", "forms/amendment-review.form",
        "forms/proposal-revision.form")) {
      JsonNode deployed = json.readTree(repository.getResourceAsStream(deployment.getId(), form));
      Map<String, JsonNode> fields = new HashMap<>();
      deployed.findParents("key").forEach(field -> fields.put(field.path("key").asText(), field));
      assertThat(fields).as(form).containsKeys("title", "countries", "totalBudget", "indicators", "riskMitigation");
      boolean revision = form.endsWith("revision.form");
      assertThat(fields.get("title").path("readonly").asBoolean()).as(form + " title read-only").isEqualTo(!revision);
      assertThat(fields.get("leadAgency").path("readonly").asBoolean()).as(form + " lead agency read-only").isTrue();
      assertThat(fields.get("leadAgency").has("validate")).as(form + ": nothing to validate in what is only shown").isFalse();
      assertThat(fields.get("countries").path("values")).as(form + ": options from configuration").hasSizeGreaterThan(200);
      assertThat(deployed.findValues("id").stream().map(JsonNode::asText).toList()).as(form + ": ids unique")
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void whatAFormHidesOrShowsDependsOnFieldsOfThatForm() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Deployment deployment = repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
      if (!resource.getName().endsWith(".form")) {
        continue;
      }
      JsonNode form = json.readTree(repository.getResourceAsStream(deployment.getId(), resource.getName()));
      List<String> keys = form.findParents("key").stream().map(field -> field.path("key").asText()).toList();
      for (JsonNode condition : form.findValues("hide")) {
        // the names in a FEEL condition, once its quoted strings are taken out
        String names = condition.asText().replaceAll("\"[^\"]*\"", " ").replaceAll("\\b(null|or|and|not)\\b", " ");
        for (String name : names.split("[^A-Za-z0-9_]+")) {
          if (!name.isEmpty()) {
            assertThat(keys).as(resource.getName() + ": '" + condition.asText() + "' names " + name).contains(name);
          }
        }
      }
    }
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
