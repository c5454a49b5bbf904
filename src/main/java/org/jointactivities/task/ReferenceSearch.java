package org.jointactivities.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.jointactivities.security.ReplayedBody;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Typing an activity's reference into Tasklist's search finds its tasks. Tasklist turns typed text
 * into "Name like JA-2027-0001", which no task is called; a task query whose name criterion is a
 * reference asks for the tasks of that business key instead (all processes of an activity carry
 * its reference as business key, the joint reviews they call included).
 */
@Component
class ReferenceSearch extends OncePerRequestFilter {

  private static final Pattern TASK_QUERY =
      Pattern.compile("(/engine-rest|/camunda/api/engine/engine/[^/]+)(/filter/[^/]+/(list|count)|/task|/task/count)");
  private static final Pattern REFERENCE = Pattern.compile("%?([A-Z]{2}-\\d{4}-\\d{1,6})%?");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !TASK_QUERY.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    JsonNode query;
    try {
      query = body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      query = null; // the engine answers it
    }
    boolean changed = query instanceof ObjectNode criteria && byReference(criteria);
    for (JsonNode or : query == null ? JSON.createArrayNode() : query.path("orQueries")) {
      changed |= or instanceof ObjectNode criteria && byReference(criteria);
    }
    chain.doFilter(new ReplayedBody(request, changed ? JSON.writeValueAsBytes(query) : body), response);
  }

  private static boolean byReference(ObjectNode criteria) {
    var reference = REFERENCE.matcher(criteria.path("nameLike").asText("").strip().toUpperCase(java.util.Locale.ROOT));
    if (!reference.matches()) {
      return false;
    }
    criteria.remove("nameLike");
    criteria.put("processInstanceBusinessKey", reference.group(1));
    return true;
  }
}
