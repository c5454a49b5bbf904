package org.jointactivities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda endpoints this application keeps shut, with a message saying why. Camunda Admin's setup
 * page lets whoever comes first create an administrator whenever none exists; here the first
 * administrator comes from configuration ({@code camunda.bpm.admin-user}; the demo creates its
 * own). And where configured (production), deploying models over the REST API or the webapps'
 * engine API: the application deploys its models from bpmn/ at start (ModelDeployer).
 */
class ClosedEndpoints extends OncePerRequestFilter {

  private static final Pattern SETUP = Pattern.compile("/camunda/api/admin/setup/.*");
  private static final Pattern DEPLOYMENT =
      Pattern.compile("/(engine-rest|camunda/api/engine/engine/[^/]+)/deployment/(create|[^/]+/redeploy)");

  private final boolean restDeployments;

  ClosedEndpoints(boolean restDeployments) {
    this.restDeployments = restDeployments;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (SETUP.matcher(path).matches()) {
      refuse(response, "The setup of a first administrator in Camunda Admin is switched off: the first administrator "
          + "is created at start from camunda.bpm.admin-user (see docs/security.md)");
    } else if (!restDeployments && "POST".equals(request.getMethod()) && DEPLOYMENT.matcher(path).matches()) {
      refuse(response, "Deploying over the API is switched off here (joint-activities.rest-deployment.enabled): "
          + "the application deploys its models from bpmn/ at start");
    } else {
      chain.doFilter(request, response);
    }
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    RefusalResponse.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", message);
  }
}
