package org.jointactivities.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models ({@code bpmn/}) and forms ({@code forms/}) as one deployment under stable
 * resource names such as {@code bpmn/joint-activity-proposal.bpmn}, whether the application runs
 * from an IDE, {@code mvn spring-boot:run} or a jar. The starter's auto-deployment names resources
 * by absolute path in some of these, so every start from elsewhere looked like a change.
 * Duplicate filtering deploys only when something changed, and then everything together, so that
 * forms referenced with binding "deployment" always travel with their process. Forms get their
 * shared fields (SharedFormFields) and configured options (FormOptions) on the way.
 */
@Component
class ModelDeployer {

  static final String DEPLOYMENT_NAME = "joint-activities";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PATTERNS = {"classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form"};

  private final RepositoryService repositoryService;
  private final FormOptions formOptions;
  private final FormLabels labels;

  ModelDeployer(RepositoryService repositoryService, FormOptions formOptions, FormLabels labels) {
    this.repositoryService = repositoryService;
    this.formOptions = formOptions;
    this.labels = labels;
  }

  @PostConstruct
  void deploy() {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    resources().forEach(deployment::addInputStream);
    DeploymentWithDefinitions result = deployment.deployWithResult();
    LOG.info("Deployment {}: {} process definitions, {} decision definitions (none means nothing changed)",
        result.getId(), size(result.getDeployedProcessDefinitions()), size(result.getDeployedDecisionDefinitions()));
  }

  /** Resource name → content, sorted by name so that the deployment is the same on every start. */
  Map<String, InputStream> resources() {
    Map<String, InputStream> resources = new TreeMap<>();
    Map<String, JsonNode> forms = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          String name = stableName(resource);
          if (name.endsWith(".form")) {
            forms.put(name, JSON.readTree(resource.getContentAsByteArray()));
          } else {
            resources.put(name, new ByteArrayInputStream(resource.getContentAsByteArray()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the models and forms to deploy", e);
    }
    SharedFormFields shared = new SharedFormFields();
    forms.values().forEach(shared::learn);
    forms.forEach((name, form) -> {
      shared.fill(form);
      byte[] deployed = formOptions.fill(form);
      labels.learn(form);
      resources.put(name, new ByteArrayInputStream(deployed));
    });
    if (resources.isEmpty()) {
      throw new IllegalStateException("No models found on the classpath under bpmn/ and forms/");
    }
    return resources;
  }

  /** The path from the {@code bpmn/} or {@code forms/} folder on, e.g. {@code forms/proposal.form}. */
  static String stableName(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    int at = Math.max(url.lastIndexOf("/bpmn/"), url.lastIndexOf("/forms/"));
    return at < 0 ? resource.getFilename() : url.substring(at + 1);
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
