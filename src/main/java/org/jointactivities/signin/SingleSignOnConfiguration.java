package org.jointactivities.signin;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.directory.DirectoryGroups;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;

/**
 * Single sign-on (config/application-sso.yml, {@code joint-activities.sso.enabled}): the pieces
 * security/SecurityConfig puts in its filter chains, and the webapps' container-based sign-in.
 * Camunda's own starter for this (camunda-bpm-spring-boot-starter-security) is not on Maven Central.
 */
@Configuration
@EnableConfigurationProperties(SingleSignOnProperties.class)
@ConditionalOnProperty(prefix = "joint-activities.sso", name = "enabled", havingValue = "true")
public class SingleSignOnConfiguration {

  /** Where the webapps go after signing out at the provider: Tasklist, which asks to sign in again. */
  static final String AFTER_LOGOUT = "{baseUrl}/camunda/app/tasklist/default/";

  @Bean
  SignedInPerson signedInPerson(SingleSignOnProperties properties, AgencyDirectory agencies,
      Optional<DirectoryGroups> directoryGroups, IdentityLookup identity) {
    return new SignedInPerson(properties, agencies, directoryGroups, identity);
  }

  @Bean
  SingleSignOn singleSignOn(SignedInPerson person, ClientRegistrationRepository clients, JwtDecoder provider) {
    OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(clients);
    logout.setPostLogoutRedirectUri(AFTER_LOGOUT);
    logout.setRedirectStrategy(new LogoutRedirect());
    JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(provider);
    tokens.setJwtAuthenticationConverter(new BearerTokens(person));
    // PKCE for our confidential client too (OAuth 2.1): a stolen authorization code is of no use
    DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(clients,
        OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return new SingleSignOn(requests, new SignedInUsers(person), new ProviderManager(tokens), logout);
  }

  /**
   * Camunda's webapps take the user Spring Security signed in: after the security filters, on the
   * webapps' pages and their API.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSignInFromProvider() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("Single sign-on into the Camunda webapps");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        WebappSignIn.class.getName()));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }
}
