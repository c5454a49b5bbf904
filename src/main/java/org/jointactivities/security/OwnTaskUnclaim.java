package org.jointactivities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.identity.AsSystem;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Whoever claimed a task may give it back (Tasklist's "Unclaim"). People work on tasks with
 * TASK_WORK, which lets them claim but not unclaim: the REST API unclaims by setting the assignee,
 * which needs TASK_ASSIGN, and that would also let them hand tasks to others. So the assignee's own
 * unclaim is done here; anyone else's goes on to the engine, which decides by its grants.
 */
class OwnTaskUnclaim extends OncePerRequestFilter {

  private static final Pattern UNCLAIM = Pattern.compile("/task/([^/]+)/unclaim");

  private final CallerOf callers;
  private final TaskService tasks;
  private final AsSystem asSystem;

  OwnTaskUnclaim(CallerOf callers, TaskService tasks, AsSystem asSystem) {
    this.callers = callers;
    this.tasks = tasks;
    this.asSystem = asSystem;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    EnginePath engine = EnginePath.of(request);
    return engine == null || !engine.is("POST", UNCLAIM);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher unclaim = UNCLAIM.matcher(EnginePath.of(request).path());
    unclaim.matches();
    String caller = callers.of(request);
    Task task = asSystem.call(() -> tasks.createTaskQuery().taskId(unclaim.group(1)).singleResult());
    if (caller == null || task == null || !caller.equals(task.getAssignee())) {
      chain.doFilter(request, response);
      return;
    }
    asSystem.run(() -> tasks.claim(task.getId(), null));
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
