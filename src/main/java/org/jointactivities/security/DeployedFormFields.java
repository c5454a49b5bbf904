package org.jointactivities.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
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
   */
  record Fields(String form, Set<String> editable, Set<String> readOnly) {
    static final Fields NONE = new Fields(null, Set.of(), Set.of());
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
      return new Fields(form, Set.of(), Set.of());
    } catch (IOException e) {
      throw new UncheckedIOException("A deployed form is not valid JSON: " + form, e);
    }
    Set<String> editable = new LinkedHashSet<>();
    Set<String> readOnly = new LinkedHashSet<>();
    collect(root.path("components"), editable, readOnly);
    return new Fields(form, Set.copyOf(editable), Set.copyOf(readOnly));
  }

  private static void collect(JsonNode components, Set<String> editable, Set<String> readOnly) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null && !NOT_INPUT.contains(component.path("type").asText())) {
        // an expression ("=…") may make a field editable: it counts as editable, the rules check its value
        boolean shownOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        (shownOnly ? readOnly : editable).add(key);
      }
      collect(component.path("components"), editable, readOnly);
    }
  }
}
