package org.jointactivities.signin;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * What single sign-on adds to the filter chains: the webapps' sign-in at the provider, with PKCE
 * (authorizationRequests) and our groups (users),
 * the APIs' bearer tokens, checked against the provider's keys and audience (tokens), and signing out at the provider too (logout).
 */
public record SingleSignOn(
    OAuth2AuthorizationRequestResolver authorizationRequests,
    OAuth2UserService<OidcUserRequest, OidcUser> users,
    AuthenticationManager tokens,
    LogoutSuccessHandler logout) {
}
