package org.jointactivities.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.PlainText;
import org.springframework.security.authentication.AuthenticationProvider;
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
    if (userId == null || password == null || !identityService.checkPassword(userId, password.toString())) {
      SecurityAudit.AUDIT.warn("Login failed for '{}' on the API", PlainText.forLog(userId));
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<SimpleGrantedAuthority> groups = identity.groupsOf(userId).stream().sorted().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
