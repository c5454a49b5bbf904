package org.jointactivities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our filters ask the engine before the REST API does (who holds a role, what a task is). When the
 * database or the directory fails there, the engine's failure comes worded (rules/ServerFailureWording)
 * but, outside Camunda's REST API, nothing turned it into an answer: it became a 500 error page.
 * This answers it as the REST API would, with its status and sentence.
 */
final class FailuresInFilters extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RestException failure) {
      answer(response, failure);
    } catch (ServletException wrapped) {
      if (!(wrapped.getCause() instanceof RestException failure)) {
        throw wrapped;
      }
      answer(response, failure);
    }
  }

  private static void answer(HttpServletResponse response, RestException failure) throws IOException {
    if (response.isCommitted()) {
      throw failure;
    }
    response.reset();
    if (failure.getStatus().getStatusCode() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
      response.setHeader("Retry-After", "30");
    }
    RefusalResponse.write(response, failure.getStatus().getStatusCode(), "RestException", failure.getMessage());
  }
}
