package org.jointactivities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jointactivities.rules.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security events go to the log {@code security-audit}: failed logins to the APIs
 * (CamundaIdentityAuthenticationProvider) and to the webapps (below), refused actions where they
 * are refused (RuleViolationUnwrapping, FormFieldsOnly, EngineOperationGuard, CrossSiteRequestGuard). What
 * callers sent goes in through {@link PlainText#forLog}.
 */
final class SecurityAudit {

  static final Logger AUDIT = LoggerFactory.getLogger("security-audit");

  private SecurityAudit() {}

  /** The webapps log in at /camunda/api/admin/auth/user/{engine}/login/{app}; a refusal answers 401. */
  static class WebappLoginAudit extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !("POST".equals(request.getMethod()) && request.getRequestURI().contains("/camunda/api/admin/auth/user/")
          && request.getRequestURI().contains("/login/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // the login form is read by the webapps; we keep a copy to name the user when it fails
      byte[] form = LimitedBody.read(request, response, LimitedBody.LOGIN_FORM);
      if (form == null) {
        return;
      }
      chain.doFilter(new ReplayedBody(request, form), response);
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        AUDIT.warn("Login failed for '{}' on the webapps from {}", PlainText.forLog(username(form)),
            request.getRemoteAddr());
      }
    }

    private static String username(byte[] form) {
      for (String field : new String(form, StandardCharsets.UTF_8).split("&")) {
        if (field.startsWith("username=")) {
          return URLDecoder.decode(field.substring("username=".length()), StandardCharsets.UTF_8);
        }
      }
      return "";
    }
  }
}
