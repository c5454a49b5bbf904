package org.jointactivities.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who makes a request: the REST API's user, or the webapps' session user on their engine API; null for nobody. */
final class CallerOf {

  private final String engineName;

  CallerOf(String engineName) {
    this.engineName = engineName;
  }

  String of(HttpServletRequest request) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
      return user.getName();
    }
    HttpSession session = request.getSession(false);
    Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var webappUser = webapp == null ? null : webapp.getAuthenticationForProcessEngine(engineName);
    return webappUser instanceof UserAuthentication ? webappUser.getName() : null;
  }
}
