package org.jointactivities.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jointactivities.discussion.Discussion;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's Add Comment and the comments of its History tab, as the activity's discussion: a
 * comment written on a task belongs to the activity and is read in every task of it, by both
 * parties. The engine's own endpoints would look the task up in the history, which reviewers may
 * not read, and answer "No task found"; these answer in the engine's shape, for whoever may read
 * the activity.
 */
class TaskComments extends OncePerRequestFilter {

  private static final Pattern LIST = Pattern.compile("/task/([^/]+)/comment");
  private static final Pattern CREATE = Pattern.compile("/task/([^/]+)/comment/create");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CallerOf callers;
  private final Discussion discussion;

  TaskComments(CallerOf callers, Discussion discussion) {
    this.callers = callers;
    this.discussion = discussion;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    EnginePath engine = EnginePath.of(request);
    return engine == null || !(engine.is("GET", LIST) || engine.is("POST", CREATE));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EnginePath engine = EnginePath.of(request);
    String caller = callers.of(request);
    if (caller == null) {
      chain.doFilter(request, response); // the engine refuses
      return;
    }
    Matcher task = (engine.is("GET", LIST) ? LIST : CREATE).matcher(engine.path());
    task.matches();
    String taskId = task.group(1);
    try {
      String reference = discussion.referenceOfTask(taskId, caller);
      Object answer;
      if (engine.is("GET", LIST)) {
        answer = discussion.of(reference, caller).stream().map(TaskComments::dto).toList();
      } else {
        byte[] body = LimitedBody.read(request, response, LimitedBody.ENGINE_API);
        if (body == null) {
          return;
        }
        JsonNode message = JSON.readTree(body).path("message");
        answer = dto(discussion.add(reference, taskId, caller, message.isTextual() ? message.asText() : null));
      }
      response.setContentType("application/json");
      JSON.writeValue(response.getOutputStream(), answer);
    } catch (NoSuchElementException notReadable) {
      RefusalResponse.write(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
          "No task found for task id " + taskId);
    } catch (InvalidInputException refused) {
      RefusalResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refused.getMessage());
    } catch (IOException notJson) {
      RefusalResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "A comment is JSON: {\"message\": \"…\"}");
    }
  }

  /** A comment as the engine's REST API gives it, which Tasklist shows. */
  private static Map<String, Object> dto(Discussion.Entry entry) {
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("id", entry.id());
    dto.put("userId", entry.author());
    dto.put("taskId", entry.taskId());
    dto.put("processInstanceId", entry.processInstanceId());
    dto.put("time", engineDate(Date.from(entry.writtenAt())));
    dto.put("message", entry.agency() == null ? entry.text() : entry.text() + " — " + entry.authorName() + " (" + entry.agency() + ")");
    dto.put("removalTime", null);
    dto.put("rootProcessInstanceId", null);
    return dto;
  }

  private static String engineDate(Date date) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(date);
  }
}
