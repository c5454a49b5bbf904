package org.jointactivities.roles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jointactivities.task.TaskCatalog;

/**
 * The Tasklist filters each role sees. Which tasks a role filter lists is declared on the tasks
 * themselves ({@code tasklistFilter} in the models, read by TaskCatalog), so a new process's tasks
 * appear in the right filter without a change here.
 */
final class TasklistFilters {

  /** A role's filter: the tasks whose model declares {@code tasklistFilter} = {@code code}. */
  record RoleFilter(String code, String name, String description, List<String> groups) {}

  private final FilterService filters;
  private final TaskService tasks;
  private final TaskCatalog catalog;
  private final Grants grants;

  TasklistFilters(FilterService filters, TaskService tasks, TaskCatalog catalog, Grants grants) {
    this.filters = filters;
    this.tasks = tasks;
    this.catalog = catalog;
    this.grants = grants;
  }

  void create(List<String> everyone, List<RoleFilter> roleFilters) {
    save("My tasks", "Tasks assigned to me", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        everyone);
    for (RoleFilter role : roleFilters) {
      List<String> keys = new ArrayList<>(catalog.taskKeysListedIn(role.code()));
      if (keys.isEmpty()) {
        keys.add("-"); // no task declares it (yet): the filter lists nothing rather than everything
      }
      save(role.name(), role.description(), 0, tasks.createTaskQuery().taskDefinitionKeyIn(keys.toArray(String[]::new))
          .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(), role.groups());
    }
    save("Overdue", "Tasks I can see that are past their due date", 10,
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), everyone);
  }

  private void save(String name, String description, int priority, TaskQuery query, List<String> groups) {
    Map<String, Object> properties = properties(description, priority);
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    // always this version's query: a new model may have added tasks to a role's filter
    filters.saveFilter(filter.setQuery(query).setProperties(properties));
    for (String group : groups) {
      grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static Map<String, Object> properties(String description, int priority) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "reference", "label", "Reference"),
        Map.of("name", "title", "label", "Title"),
        Map.of("name", "leadAgency", "label", "Lead agency"),
        Map.of("name", "partnerAgency", "label", "Partner agency")));
    return properties;
  }
}
