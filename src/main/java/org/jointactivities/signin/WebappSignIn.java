package org.jointactivities.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Tells Camunda's webapps who signed in at the OpenID provider: Camunda's container-based
 * authentication filter asks this for the request's user and keeps them in the webapps' session,
 * with the groups the token gave them (their application grants follow from those). Camunda
 * creates it by its class name.
 */
public class WebappSignIn extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (!(signedIn instanceof OAuth2AuthenticationToken token) || token.getName() == null || token.getName().isBlank()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(token.getName());
    result.setGroups(token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    return result;
  }
}
