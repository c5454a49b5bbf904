package org.jointactivities.signin;

import org.jointactivities.rules.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token of the OpenID provider as the API's user: the configured claim's user id, our
 * groups (never the token's scopes, which grant nothing here).
 */
class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

  private static final Logger AUDIT = LoggerFactory.getLogger("security-audit");

  private final SignedInPerson person;

  BearerTokens(SignedInPerson person) {
    this.person = person;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt token) {
    String userId = person.userIdOf(token.getClaims()).orElseThrow(() -> {
      AUDIT.warn("Refused a bearer token of '{}' without a '{}' claim", PlainText.forLog(token.getSubject()),
          person.userIdClaim());
      return new BadCredentialsException("The token names no user (no '" + person.userIdClaim() + "' claim)");
    });
    return new JwtAuthenticationToken(token, person.groupsOf(userId, token.getClaims()), userId);
  }
}
