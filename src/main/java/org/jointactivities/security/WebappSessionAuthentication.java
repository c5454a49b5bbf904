package org.jointactivities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets our Cockpit and Tasklist plugins use our API as the user logged in to the webapps: a GET to
 * {@code /api/**} (or the demo mail sink's page) without credentials runs as the Camunda webapp
 * session's user. A session cookie
 * rides along on cross-site requests, so the changes plugins make (a manager's intervention, a
 * comment, a withdrawal, a document, also an answer's: {@link #PLUGIN_CHANGE}) also need the webapp session's CSRF token in the
 * {@code X-XSRF-TOKEN} header, as the webapps' own API does.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  private final String engineName;

  WebappSessionAuthentication(String engineName) {
    this.engineName = engineName;
  }

  /** What our plugins change: a manager's intervention, a comment in the discussion, a document. */
  private static final Pattern PLUGIN_CHANGE = Pattern.compile(
      "/api/activities/[^/]+/(suspension|resumption|termination|discussion|withdrawal|documents(/[0-9]+(/versions)?)?)"
          + "|/api/tasks/[^/]+/discussion|/api/exchanges/[^/]+/documents(/[0-9]+/versions)?");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean read = "GET".equals(request.getMethod()) && (path.startsWith("/api/") || path.equals("/mail-sink"));
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null || !(read || isPluginChange(request, path));
  }

  private static boolean isPluginChange(HttpServletRequest request, String path) {
    return ("POST".equals(request.getMethod()) || "DELETE".equals(request.getMethod())) && PLUGIN_CHANGE.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isPluginChange(request, path) && !hasSessionCsrfToken(request, session)) {
      chain.doFilter(request, response); // unauthenticated: refused with 401
      return;
    }
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
    if (user instanceof UserAuthentication webappUser && SecurityContextHolder.getContext().getAuthentication() == null) {
      SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
          webappUser.getName(), null,
          webappUser.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList()));
    }
    chain.doFilter(request, response);
  }

  private static boolean hasSessionCsrfToken(HttpServletRequest request, HttpSession session) {
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected != null && given != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
