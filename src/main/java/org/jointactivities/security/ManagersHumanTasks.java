package org.jointactivities.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's Human Tasks page for managers, over the open tasks they may read (their agency's
 * activities), not over all tasks: it counts open tasks in the history, which managers may not
 * read, and by candidate group with a report that needs the right to read every task. Both are
 * answered here from the open tasks the manager may read; administrators get the engine's answer.
 */
class ManagersHumanTasks extends OncePerRequestFilter {

  private static final Pattern HISTORY_COUNT = Pattern.compile("/history/task/count");
  private static final Pattern BY_GROUP = Pattern.compile("/task/report/candidate-group-count");
  /** The criteria the page counts by; a count asking anything else goes to the engine. */
  private static final Set<String> PAGE_CRITERIA = Set.of("unfinished", "assigned", "unassigned", "withCandidateGroups",
      "withoutCandidateGroups");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CallerOf callers;
  private final IdentityLookup identity;
  private final IdentityService identityService;
  private final TaskService tasks;

  ManagersHumanTasks(CallerOf callers, IdentityLookup identity, IdentityService identityService, TaskService tasks) {
    this.callers = callers;
    this.identity = identity;
    this.identityService = identityService;
    this.tasks = tasks;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    EnginePath engine = EnginePath.of(request);
    return engine == null || !(engine.is("POST", HISTORY_COUNT) || engine.is("GET", BY_GROUP));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String caller = callers.of(request);
    Set<String> groups = identity.groupsOf(caller);
    if (caller == null || groups.contains(Groups.CAMUNDA_ADMIN)) {
      chain.doFilter(request, response);
      return;
    }
    EnginePath engine = EnginePath.of(request);
    Object answer;
    if (engine.is("GET", BY_GROUP)) {
      answer = asCaller(caller, groups, () -> byGroup(tasks.createTaskQuery().active().list()));
    } else {
      byte[] body = LimitedBody.read(request, response, LimitedBody.ENGINE_API);
      if (body == null) {
        return;
      }
      JsonNode criteria = JSON.readTree(body.length == 0 ? "{}".getBytes() : body);
      if (!criteria.path("unfinished").asBoolean(false) || !onlyPageCriteria(criteria)) {
        chain.doFilter(new ReplayedBody(request, body), response);
        return;
      }
      answer = Map.of("count", asCaller(caller, groups, () -> openTasks(criteria).count()));
    }
    response.setContentType("application/json");
    JSON.writeValue(response.getOutputStream(), answer);
  }

  private static boolean onlyPageCriteria(JsonNode criteria) {
    for (Iterator<String> names = criteria.fieldNames(); names.hasNext(); ) {
      if (!PAGE_CRITERIA.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  private TaskQuery openTasks(JsonNode criteria) {
    TaskQuery query = tasks.createTaskQuery();
    if (criteria.path("assigned").asBoolean(false)) {
      query.taskAssigned();
    }
    if (criteria.path("unassigned").asBoolean(false)) {
      query.taskUnassigned();
    }
    if (criteria.path("withCandidateGroups").asBoolean(false)) {
      query.withCandidateGroups();
    }
    if (criteria.path("withoutCandidateGroups").asBoolean(false)) {
      query.withoutCandidateGroups();
    }
    return query;
  }

  /** The engine's report, {@code [{groupName, taskCount}]}, over these tasks; tasks without a group under null. */
  private List<Map<String, Object>> byGroup(List<Task> visible) {
    Map<String, Integer> counts = new TreeMap<>();
    int withoutGroup = 0;
    for (Task task : visible) {
      List<String> candidates = identity.candidateGroupsOf(task.getId());
      candidates.forEach(group -> counts.merge(group, 1, Integer::sum));
      withoutGroup += candidates.isEmpty() ? 1 : 0;
    }
    List<Map<String, Object>> report = new ArrayList<>();
    counts.forEach((group, count) -> report.add(line(group, count)));
    if (withoutGroup > 0) {
      report.add(line(null, withoutGroup));
    }
    return report;
  }

  private static Map<String, Object> line(String group, int count) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("groupName", group);
    line.put("taskCount", count);
    return line;
  }

  /** Runs the queries with the caller's authorizations: what they may read, no more. */
  private <T> T asCaller(String caller, Set<String> groups, Supplier<T> query) {
    identityService.setAuthentication(caller, List.copyOf(groups));
    try {
      return query.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
