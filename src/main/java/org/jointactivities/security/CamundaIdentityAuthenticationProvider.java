package org.jointactivities.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.PlainText;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Checks HTTP Basic credentials against Camunda's identity service; a user's groups become authorities. */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final IdentityLookup identity;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, IdentityLookup identity) {
    this.identityService = identityService;
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    try {
      if (userId == null || password == null || !identityService.checkPassword(userId, password.toString())) {
        SecurityAudit.AUDIT.warn("Login failed for '{}' on the API", PlainText.forLog(userId));
        throw new BadCredentialsException("Wrong user name or password");
      }
      String stored = identity.storedIdOf(userId);
      List<SimpleGrantedAuthority> groups = identity.groupsOf(stored).stream().sorted().map(SimpleGrantedAuthority::new).toList();
      return UsernamePasswordAuthenticationToken.authenticated(stored, null, groups);
    } catch (RestException unavailable) {
      // the directory or the database could not be asked (rules/ServerFailureWording): no verdict on the password
      if (unavailable.getStatus() == Status.SERVICE_UNAVAILABLE) {
        throw new AuthenticationServiceException(unavailable.getMessage(), unavailable);
      }
      throw unavailable;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
