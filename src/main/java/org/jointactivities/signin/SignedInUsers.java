package org.jointactivities.signin;

import java.util.Collection;
import org.jointactivities.rules.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The person who signed in at the provider, named by the configured claim and holding our groups. */
class SignedInUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private static final Logger AUDIT = LoggerFactory.getLogger("security-audit");

  private final OidcUserService provider = new OidcUserService();
  private final SignedInPerson person;

  SignedInUsers(SignedInPerson person) {
    this.person = person;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser signedIn = provider.loadUser(request);
    String userId = person.userIdOf(signedIn.getClaims()).orElseThrow(() -> new OAuth2AuthenticationException(
        new OAuth2Error("invalid_token", "The sign-in names no user: the provider's token has no '"
            + person.userIdClaim() + "' claim", null)));
    Collection<GrantedAuthority> groups = person.groupsOf(userId, signedIn.getClaims());
    AUDIT.info("Signed in through single sign-on: '{}' holding {}", PlainText.forLog(userId), groups);
    return new Person(groups, signedIn, userId);
  }

  /** The provider's user under the engine's user id (the claim may spell it differently). */
  static final class Person extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;
    private final String userId;

    Person(Collection<GrantedAuthority> groups, OidcUser signedIn, String userId) {
      super(groups, signedIn.getIdToken(), signedIn.getUserInfo());
      this.userId = userId;
    }

    @Override
    public String getName() {
      return userId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Person person && super.equals(other) && userId.equals(person.userId);
    }

    @Override
    public int hashCode() {
      return super.hashCode() * 31 + userId.hashCode();
    }
  }
}
