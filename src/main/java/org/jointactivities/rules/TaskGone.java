package org.jointactivities.rules;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Two people, or two tabs of one, work on the same task and the first completes it: whatever the
 * second then does with it is answered 404 in words. Checked before the engine is asked, the task can
 * still go in between: then the engine fails with "Cannot find task with id …: task is null", which
 * its REST API answers as a server error. When a web request about a task fails in the engine and
 * that task is not there (any more, or to this caller), the answer is this 404 instead. Whether the task
 * exists is asked of the engine, not read from its message, whose wording differs per command.
 */
public final class TaskGone {

  private static final String GONE = "This task is no longer open: someone has completed it or the activity has moved on";
  /** Also what is answered when the task was gone before the engine was asked. */
  public static final String MESSAGE = GONE + ", so nothing was saved. Reload your task list.";
  /** The same for a read, which saves nothing. */
  public static final String READ_MESSAGE = GONE + ". Reload your task list.";
  private static final Pattern TASK_REQUEST =
      Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)(?:/.*)?");

  private TaskGone() {}

  /**
   * The answer when the current web request is about a task that does not exist; none for a refusal
   * of rights, which keeps its 403 (a task one may not see is not "completed").
   */
  static Optional<RestException> of(ProcessEngineException failure, TaskService tasks) {
    if (failure instanceof AuthorizationException
        || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      return Optional.empty();
    }
    HttpServletRequest request = attributes.getRequest();
    Matcher task = TASK_REQUEST.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!task.matches() || tasks.createTaskQuery().taskId(task.group(1)).count() > 0) {
      return Optional.empty();
    }
    return Optional.of(new RestException(Status.NOT_FOUND, "GET".equals(request.getMethod()) ? READ_MESSAGE : MESSAGE));
  }
}
