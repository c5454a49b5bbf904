package org.jointactivities.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.deployment.FormLabels;
import org.jointactivities.identity.AsSystem;
import org.springframework.stereotype.Component;

/**
 * The fields of the Camunda Form deployed for a task or a start event: what a submission through
 * the API may set. Read from the deployment itself, so a new process or form needs no list here.
 */
@Component
class DeployedFormFields {

  /** Components that show something but hold no value. */
  private static final Set<String> NOT_INPUT = Set.of("text", "html", "button", "spacer", "separator", "image",
      "iframe", "table", "documentPreview");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param form what the user knows the form by, e.g. "the form of 'Review proposal'"; null: there is no form
   * @param editable fields the user fills in
   * @param readOnly fields shown read-only (Tasklist sends them back as they were shown)
   * @param labels each field's label on the form, by key
   */
  record Fields(String form, Set<String> editable, Set<String> readOnly, Map<String, String> labels) {
    static final Fields NONE = new Fields(null, Set.of(), Set.of(), Map.of());

    /** What the form calls a field; its key when the form does not show it. */
    String label(String key) {
      return labels.getOrDefault(key, key);
    }
  }

  private final TaskService tasks;
  private final FormService forms;
  private final RepositoryService repository;
  private final AsSystem asSystem;

  DeployedFormFields(TaskService tasks, FormService forms, RepositoryService repository, AsSystem asSystem) {
    this.tasks = tasks;
    this.forms = forms;
    this.repository = repository;
    this.asSystem = asSystem;
  }

  /** The task, when it is open. */
  Optional<Task> openTask(String taskId) {
    return Optional.ofNullable(asSystem.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult()));
  }

  Fields ofTask(Task task) {
    return read("the form of '" + task.getName() + "'", () -> forms.getDeployedTaskForm(task.getId()));
  }

  /** By id, or by key (latest version, within a tenant when given); empty when there is no such process. */
  Optional<Fields> ofStart(String definitionId, String key, String tenantId) {
    ProcessDefinition definition = asSystem.call(() -> {
      ProcessDefinitionQuery query = repository.createProcessDefinitionQuery();
      query = definitionId != null ? query.processDefinitionId(definitionId) : query.processDefinitionKey(key).latestVersion();
      if (tenantId != null) {
        query = query.tenantIdIn(tenantId);
      }
      return query.singleResult();
    });
    if (definition == null) {
      return Optional.empty();
    }
    return Optional.of(read("the start form of '" + definition.getName() + "'",
        () -> forms.getDeployedStartForm(definition.getId())));
  }

  private Fields read(String form, Callable<InputStream> deployed) {
    JsonNode root;
    try (InputStream in = asSystem.call(deployed)) {
      root = JSON.readTree(in);
    } catch (ProcessEngineException noForm) {
      return new Fields(form, Set.of(), Set.of(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("A deployed form is not valid JSON: " + form, e);
    }
    Set<String> editable = new LinkedHashSet<>();
    Set<String> readOnly = new LinkedHashSet<>();
    Map<String, String> labels = new HashMap<>();
    collect(root.path("components"), editable, readOnly, labels);
    return new Fields(form, Set.copyOf(editable), Set.copyOf(readOnly), Map.copyOf(labels));
  }

  private static void collect(JsonNode components, Set<String> editable, Set<String> readOnly,
      Map<String, String> labels) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null && !NOT_INPUT.contains(component.path("type").asText())) {
        String label = FormLabels.labelOf(component);
        if (label != null) {
          labels.putIfAbsent(key, label);
        }
        // an expression ("=…") may make a field editable: it counts as editable, the rules check its value
        boolean shownOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        (shownOnly ? readOnly : editable).add(key);
      }
      collect(component.path("components"), editable, readOnly, labels);
    }
  }
}
