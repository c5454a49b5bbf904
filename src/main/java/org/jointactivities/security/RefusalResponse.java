package org.jointactivities.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * A refusal by one of our filters, in the shape Camunda's REST API gives its own errors
 * ({@code type}, {@code message}), so Tasklist, Cockpit and REST clients read it like any other.
 */
final class RefusalResponse {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RefusalResponse() {}

  static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8"); // a servlet writer is ISO-8859-1 unless told: "…" or "é" came out as "?"
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", type, "message", message)));
  }
}
