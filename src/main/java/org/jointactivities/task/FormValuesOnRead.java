package org.jointactivities.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A task's form variables — what Tasklist fills a Camunda Form with — include what the form shows
 * read-only, computed now by the task's rules (TaskFormValues) instead of stored on every task. Added
 * only to the engine's own successful answer, so whether the caller may read the task stays the
 * engine's decision (this runs after the sign-in); {@code variableNames} limits them as it limits the engine's.
 */
@Component
class FormValuesOnRead extends OncePerRequestFilter {

  private static final Pattern FORM_VARIABLES =
      Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/([^/]+))/task/([^/]+)/form-variables");
  /** The engine's REST API writes dates so. */
  private static final ObjectMapper JSON = new ObjectMapper().setDateFormat(new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));

  private final TaskFormValues values;
  private final IdentityService identity;

  FormValuesOnRead(TaskFormValues values, IdentityService identity) {
    this.values = values;
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    JsonNode variables = answer.getStatus() == HttpServletResponse.SC_OK ? read(answer.getContentAsByteArray()) : null;
    if (!(variables instanceof ObjectNode merged)) {
      answer.copyBodyToResponse();
      return;
    }
    Matcher task = FORM_VARIABLES.matcher(path(request));
    task.matches();
    Set<String> asked = asked(request.getParameter("variableNames"));
    String taskId = URLDecoder.decode(task.group(2), StandardCharsets.UTF_8);
    asTheReader(request, task.group(1), () -> values.of(taskId)).forEach((name, value) -> {
      if (asked == null || asked.contains(name)) {
        merged.set(name, JSON.valueToTree(VariableValueDto.fromTypedValue(value, true))); // JSON as text, as Tasklist parses it
      }
    });
    byte[] body = JSON.writeValueAsBytes(merged);
    answer.resetBuffer();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * What a task shows may depend on who reads it (an answer to an information request): computed as
   * the reader. The REST API's reader is still the engine's authentication here; the webapps' own
   * filter has cleared it by now, so their session's user is set again for the computation.
   */
  private Map<String, TypedValue> asTheReader(HttpServletRequest request, String webappEngine,
      Supplier<Map<String, TypedValue>> shown) {
    HttpSession session = request.getSession(false);
    Authentications webapp = webappEngine == null || session == null || identity.getCurrentAuthentication() != null
        ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication reader = webapp == null ? null : webapp.getAuthenticationForProcessEngine(webappEngine);
    if (!(reader instanceof UserAuthentication user)) {
      return shown.get();
    }
    identity.setAuthentication(user.getIdentityId(), List.copyOf(user.getGroupIds()), List.copyOf(user.getTenantIds()));
    try {
      return shown.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static Set<String> asked(String names) {
    return names == null || names.isBlank() ? null
        : Arrays.stream(names.split(",")).map(String::strip).collect(Collectors.toSet());
  }

  private static JsonNode read(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
