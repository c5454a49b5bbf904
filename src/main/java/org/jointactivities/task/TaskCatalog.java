package org.jointactivities.task;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * What the models declare about their human tasks, as {@code camunda:properties} on each user task
 * (Camunda Modeler: Extension properties): which Tasklist filter lists it ({@code tasklistFilter}),
 * which variable names the agency it waits on ({@code agencyVariable}), what documents attached in it
 * belong to ({@code attachDocumentsTo}: {@code activity}, {@code answer} for an information request's answer, or {@code progress-report} for the task's
 * report ({@code reportId}); without it the task shows documents read-only). One place per task, in the
 * model that draws it, so that a new process needs no list in Java.
 */
@Component
public class TaskCatalog {

  public static final String TASKLIST_FILTER = "tasklistFilter";
  public static final String AGENCY_VARIABLE = "agencyVariable";
  public static final String ATTACH_DOCUMENTS_TO = "attachDocumentsTo";

  private final RepositoryService repository;
  /** By process definition id: a deployed definition never changes. */
  private final Map<String, Map<String, Map<String, String>>> byDefinition = new ConcurrentHashMap<>();

  public TaskCatalog(RepositoryService repository) {
    this.repository = repository;
  }

  /** The task keys, across the latest version of every process, that declare the filter. */
  public Set<String> taskKeysListedIn(String filter) {
    Set<String> keys = new LinkedHashSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      properties(definition.getId()).forEach((taskKey, properties) -> {
        if (filter.equals(properties.get(TASKLIST_FILTER))) {
          keys.add(taskKey);
        }
      });
    }
    return keys;
  }

  /** One property of a task of a deployed process definition, or null. */
  public String property(String processDefinitionId, String taskKey, String name) {
    return properties(processDefinitionId).getOrDefault(taskKey, Map.of()).get(name);
  }

  private Map<String, Map<String, String>> properties(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, id -> {
      BpmnModelInstance model = repository.getBpmnModelInstance(id);
      Map<String, Map<String, String>> tasks = new ConcurrentHashMap<>();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        Map<String, String> properties = new ConcurrentHashMap<>();
        if (task.getExtensionElements() != null) {
          for (CamundaProperties list : task.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : list.getCamundaProperties()) {
              if (property.getCamundaName() != null && property.getCamundaValue() != null) {
                properties.put(property.getCamundaName(), property.getCamundaValue());
              }
            }
          }
        }
        tasks.put(task.getId(), properties);
      }
      return tasks;
    });
  }
}
