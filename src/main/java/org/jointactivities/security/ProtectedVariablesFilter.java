package org.jointactivities.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.jointactivities.rules.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The variables the application keeps for itself — the activity's id, its proposer, review and
 * sign-off rounds and outcomes, the agency a task is for — cannot be set, changed or deleted
 * through the Camunda REST API, neither directly nor hidden in a form submission or task
 * completion (a task's variables otherwise reach the whole process). Applies to the REST API and
 * to the webapps' engine API alike; the application itself sets them through the Java API.
 * Runs after the login: a request from nobody passes unread to be refused, and a body is read only
 * up to {@link LimitedBody#ENGINE_API}.
 */
class ProtectedVariablesFilter extends OncePerRequestFilter {

  static final Set<String> PROTECTED = Set.of("activityId", "proposer", "reference", "reviewRound", "revisionRound",
      "reviewOutcome", "signOffOutcome", "withdrawnBy", "reviewAgency", "signingAgency", "requiredLevel",
      "requiredLevelName", "budgetUsd", "overdueTaskKey", "overdueAgencyVariable", "state",
      "reportingPeriod", "reportId", "reportDue", "finalReport", "reportOutcome", "amendmentId", "requester",
      "amendmentReviewRound", "amendmentReviewOutcome", "signOffSubject", "terminatedBy", "terminatedFor",
      "terminationReason", "amendmentApplied");
  /**
   * What a proposal's start form submits and the registry keeps from then on (e.g. who gets the
   * report tasks). A task form may send them back where the task holds them as its own
   * (task-local) values: a form submission writes to those, so they stay on the task.
   */
  static final Set<String> PROTECTED_ONCE_STARTED = Set.of("leadAgency", "partnerAgency", "title", "totalBudget",
      "currency", "corruptionRisk");
  /**
   * Fields whose object value maps variable names to values. Recognised by name rather than listed,
   * so that also e.g. a message's {@code processVariablesToTriggeredScope}, and what a later Camunda
   * version adds, is covered: {@code variables}, {@code processVariablesLocal}, {@code localVariables}…
   */
  private static final Pattern VARIABLE_MAP = Pattern.compile("(?i).*variables.*|modifications");
  /** Only a form submission writes to the task's own variables; "complete" writes to the process. */
  private static final Pattern TASK_FORM = Pattern.compile(".*/task/([^/]+)/submit-form");
  private static final Logger AUDIT = LoggerFactory.getLogger("security-audit");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Map<String, Object>> taskLocalValues;
  private final String engineName;

  /** @param taskLocalValues a task's own (task-local) variables, by task id */
  ProtectedVariablesFilter(Function<String, Map<String, Object>> taskLocalValues, String engineName) {
    this.taskLocalValues = taskLocalValues;
    this.engineName = engineName;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean engineApi = path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/");
    boolean writes = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    return !(engineApi && writes);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String caller = caller(request);
    if (caller == null) {
      // refused unread: the webapps' engine API answers 401 (the REST API did so before this filter)
      chain.doFilter(request, response);
      return;
    }
    byte[] body = LimitedBody.read(request, response, LimitedBody.ENGINE_API);
    if (body == null) {
      return;
    }
    List<String> names = new ArrayList<>(namesInPath(request.getRequestURI()));
    names.addAll(namesInBody(body));
    boolean startsProcess = request.getRequestURI().matches(".*/process-definition/.+/(submit-form|start)");
    Matcher taskForm = TASK_FORM.matcher(request.getRequestURI());
    Map<String, Object> onTask = taskForm.matches() ? taskLocalValues.apply(taskForm.group(1)) : Map.of();
    JsonNode submitted = taskForm.matches() ? submittedVariables(body) : JSON.missingNode();
    for (String name : names) {
      // Tasklist sends a form's read-only fields back as they were shown: that echo is harmless
      boolean echoed = onTask.containsKey(name) && sameValue(submitted.path(name).path("value"), onTask.get(name));
      boolean refused = PROTECTED.contains(name)
          ? !echoed
          : PROTECTED_ONCE_STARTED.contains(name) && !startsProcess && !onTask.containsKey(name);
      if (refused) {
        AUDIT.warn("Refused: {} tried to set the protected variable '{}' via {} {}", PlainText.forLog(caller),
            PlainText.forLog(name), request.getMethod(), PlainText.forLog(request.getRequestURI()));
        RefusalResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
            "Variable '" + name + "' is kept by the application and cannot be set, changed or deleted through the API");
        return;
      }
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  private static JsonNode submittedVariables(byte[] body) {
    try {
      return JSON.readTree(body).path("variables");
    } catch (IOException malformed) {
      return JSON.missingNode();
    }
  }

  private static boolean sameValue(JsonNode submitted, Object shown) {
    if (submitted.isMissingNode()) {
      return false;
    }
    if (shown == null || submitted.isNull()) {
      return shown == null && submitted.isNull();
    }
    if (shown instanceof Number number && submitted.isNumber()) {
      return new BigDecimal(number.toString()).compareTo(submitted.decimalValue()) == 0;
    }
    return submitted.isValueNode() && submitted.asText().equals(shown.toString());
  }

  /** The REST API's user, or the webapps' session user on their engine API; null for nobody. */
  private String caller(HttpServletRequest request) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
      return user.getName();
    }
    HttpSession session = request.getSession(false);
    Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var webappUser = webapp == null ? null : webapp.getAuthenticationForProcessEngine(engineName);
    return webappUser instanceof UserAuthentication ? webappUser.getName() : null;
  }

  /** {@code …/variables/{name}}, {@code …/localVariables/{name}} and their {@code /data}. */
  private static List<String> namesInPath(String uri) {
    String[] segments = uri.split("/");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].equals("variables") || segments[i].equals("localVariables")) {
        names.add(URLDecoder.decode(segments[i + 1], StandardCharsets.UTF_8));
      }
    }
    return names;
  }

  private static List<String> namesInBody(byte[] body) {
    List<String> names = new ArrayList<>();
    if (body.length == 0) {
      return names;
    }
    try {
      collect(JSON.readTree(body), names);
    } catch (JsonProcessingException malformed) {
      // not ours to judge: the REST API answers malformed JSON with its own error
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static void collect(JsonNode node, List<String> names) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(item -> collect(item, names));
      return;
    }
    node.fields().forEachRemaining(field -> {
      if (VARIABLE_MAP.matcher(field.getKey()).matches() && field.getValue().isObject()) {
        field.getValue().fieldNames().forEachRemaining(names::add);
      }
      if (field.getKey().equals("deletions") && field.getValue().isArray()) {
        field.getValue().forEach(name -> names.add(name.asText()));
      }
      if (field.getValue().isContainerNode()) {
        collect(field.getValue(), names);
      }
    });
  }

  /** The request with its body readable again for the REST API. */
  static final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
