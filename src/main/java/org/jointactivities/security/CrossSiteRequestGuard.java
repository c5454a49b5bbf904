package org.jointactivities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.jointactivities.rules.PlainText;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses changes to the REST API and our API that another site's page makes a browser send. A
 * browser that once logged in to /swagger-ui or /mail-sink keeps sending those Basic credentials,
 * also with a form or multipart post from another site, which needs no CORS preflight. Browsers
 * say where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); clients that say
 * nothing (curl, Java, Camunda Modeler) are not browsers and pass. "same-site" is refused too:
 * a sibling host under the same domain is not this application.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return SAFE_METHODS.contains(request.getMethod())
        || !(path.startsWith("/engine-rest/") || path.startsWith("/api/") || path.equals("/logout"));
  }

  /** The browser says the request comes from another site, or from a page of another origin. */
  static boolean fromAnotherSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    String origin = request.getHeader("Origin");
    return "cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite)
        || (origin != null && !sameOrigin(origin, request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!fromAnotherSite(request)) {
      chain.doFilter(request, response);
      return;
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    String origin = request.getHeader("Origin");
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    SecurityAudit.AUDIT.warn("Refused: {} {} {} from another site (Origin {}, Sec-Fetch-Site {})",
        PlainText.forLog(user == null ? null : user.getName()), request.getMethod(),
        PlainText.forLog(request.getRequestURI()), PlainText.forLog(origin), PlainText.forLog(fetchSite));
    RefusalResponse.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
        "Refused: this request comes from another site. Changes through the API are accepted from this "
            + "application's own pages or from clients outside a browser");
  }

  /** The Origin header names this very scheme, host and port (behind a proxy: as forwarded to us). */
  static boolean sameOrigin(String origin, HttpServletRequest request) {
    try {
      URI uri = new URI(origin);
      // "null" (a sandboxed frame, a local file) has neither scheme nor host: never this application
      return uri.getScheme() != null && uri.getHost() != null
          && uri.getScheme().equalsIgnoreCase(request.getScheme())
          && uri.getHost().equalsIgnoreCase(request.getServerName())
          && port(uri) == request.getServerPort();
    } catch (URISyntaxException notAnOrigin) {
      return false;
    }
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
