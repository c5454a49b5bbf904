package org.jointactivities.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to the engine's API, whichever door it came through: the REST API
 * ({@code /engine-rest/task/…}) or the webapps' engine API ({@code /camunda/api/engine/engine/default/task/…}).
 * {@link #path()} is the part after the door, e.g. {@code /task/42/submit-form}.
 */
record EnginePath(String method, String path) {

  private static final Pattern DOOR = Pattern.compile("(/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)");

  /** The engine part of the request, or null when the request is not for the engine's API. */
  static EnginePath of(HttpServletRequest request) {
    Matcher door = DOOR.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    return door.matches() ? new EnginePath(request.getMethod(), door.group(2)) : null;
  }

  boolean writes() {
    return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
  }

  boolean is(String httpMethod, Pattern pattern) {
    return method.equals(httpMethod) && pattern.matcher(path).matches();
  }
}
