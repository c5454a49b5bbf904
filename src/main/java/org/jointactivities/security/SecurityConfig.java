package org.jointactivities.security;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.jointactivities.discussion.Discussion;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.signin.SingleSignOn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what over HTTP. Open: the login page and assets of the Camunda webapps (which
 * check logins and CSRF themselves), the root redirect, the health endpoint and the public documents
 * of signed activities (PublicDocumentController). Everything else —
 * the Camunda REST API and our own API — needs HTTP Basic credentials of a Camunda user (with single
 * sign-on: a bearer token of the agencies' OpenID provider, and the webapps sign in there), and runs
 * as that user in the engine, so that its authorization checks apply. Our Cockpit plugins use our
 * API with the webapps' session (reads, and a manager's intervention with the session's CSRF token;
 * see WebappSessionAuthentication). Changes that another site makes a browser send are refused
 * (CrossSiteRequestGuard); Camunda Admin's setup page, and in production deployments over the API,
 * are shut (ClosedEndpoints); engine operations that would bypass the models' rules are shut or checked
 * first (EngineOperationGuard); variables are set only as a form's fields (FormFieldsOnly).
 */
@Configuration
class SecurityConfig {

  /**
   * With single sign-on: the webapps sign in at the agencies' OpenID provider and keep the person
   * in their session; logging out ends the provider's session too. Checked first, for the
   * webapps' paths and the sign-in's own.
   */
  @Bean
  @Order(1)
  @ConditionalOnProperty(prefix = "joint-activities.sso", name = "enabled", havingValue = "true")
  SecurityFilterChain webappsThroughSingleSignOn(HttpSecurity http, Guards guards, SingleSignOn sso) throws Exception {
    http
        // paths, not Spring MVC's: the webapps and their API are servlets of their own
        .securityMatcher(paths("/camunda/**", "/oauth2/**", "/login/oauth2/**", "/logout"))
        .authorizeHttpRequests(requests -> requests
            // nobody signs in twice: the webapps' own login form would take a directory password
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/admin/auth/user/*/login/**")).denyAll()
            .requestMatchers(paths("/camunda/app/**", "/camunda/api/**")).authenticated()
            .anyRequest().permitAll())
        .oauth2Login(login -> login
            .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(sso.authorizationRequests()))
            .userInfoEndpoint(info -> info.oidcUserService(sso.users())))
        .logout(logout -> logout
            // one from another site is no logout: CrossSiteRequestGuard refuses it
            .logoutRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                request -> !CrossSiteRequestGuard.fromAnotherSite(request)))
            .logoutSuccessHandler(sso.logout()))
        // Camunda's CSRF filter guards the webapps' API
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return guards.addTo(http).build();
  }

  /**
   * The APIs and everything else: HTTP Basic credentials of a Camunda user, or with single sign-on
   * the provider's bearer tokens instead. Without single sign-on, the webapps' paths too, where the
   * webapps check logins themselves.
   */
  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, Guards guards, IdentityService identityService,
      IdentityLookup identity, ObjectProvider<SingleSignOn> singleSignOn,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName) throws Exception {
    SingleSignOn sso = singleSignOn.getIfAvailable();
    AuthenticationEntryPoint challenge = sso == null ? basicChallenge() : new BearerTokenAuthenticationEntryPoint();
    http
        .authorizeHttpRequests(requests -> requests
            // /camunda-welcome: the webapps' login page probes it; a Basic challenge there would pop up a browser dialog
            .requestMatchers("/", "/camunda/**", "/camunda-welcome", "/actuator/health", "/actuator/health/**", "/error")
            .permitAll()
            // public documents of signed activities, for IATI's data users: PublicDocumentController checks each
            .requestMatchers(HttpMethod.GET, "/public/documents/*/*").permitAll()
            .anyRequest().authenticated())
        // the mail sink is read in the browser next to Tasklist: its login, not a second (Basic) one
        .exceptionHandling(handling -> handling
            .defaultAuthenticationEntryPointFor(new WebappLoginFirst(), PathPatternRequestMatcher.withDefaults().matcher("/mail-sink"))
            .defaultAuthenticationEntryPointFor(challenge, AnyRequestMatcher.INSTANCE))
        // no CSRF tokens for an API of credentials in headers: CrossSiteRequestGuard refuses changes other
        // sites make a browser send with its cached credentials; the webapps have Camunda's CSRF filter
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            // the webapps own the session: never rotate its id under them
            .sessionFixation(fixation -> fixation.none()))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .addFilterBefore(new WebappSessionAuthentication(engineName), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
    if (sso == null) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(new SignInUnavailable(basicChallenge())))
          .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService, identity)));
    } else {
      http.oauth2ResourceServer(tokens -> tokens
          .authenticationManagerResolver(request -> sso.tokens())
          .authenticationEntryPoint(new SignInUnavailable(challenge)));
    }
    return guards.addTo(http).build();
  }

  /**
   * What every request passes once its caller is known, in both chains: failures in words
   * (FailuresInFilters), shut endpoints, the cross-site guard, the models' rules, form fields only,
   * and the audit of webapp logins.
   */
  @Bean
  Guards guards(DeployedFormFields forms, ManagementService management, TaskService tasks,
      AuthorizationService authorizations, AsSystem asSystem, Discussion discussion, IdentityService identityService,
      IdentityLookup identity, @Value("${camunda.bpm.process-engine-name:default}") String engineName,
      @Value("${joint-activities.rest-deployment.enabled:true}") boolean restDeployments) {
    CallerOf callers = new CallerOf(engineName);
    return http -> http
        .addFilterBefore(new FailuresInFilters(), LogoutFilter.class)
        // after the access decision: a request without credentials is refused before its body is read
        .addFilterAfter(new ClosedEndpoints(restDeployments), AuthorizationFilter.class)
        .addFilterAfter(new CrossSiteRequestGuard(), ClosedEndpoints.class)
        .addFilterAfter(new EngineOperationGuard(callers, identity, management, authorizations, asSystem),
            CrossSiteRequestGuard.class)
        .addFilterAfter(new FormFieldsOnly(forms, callers), EngineOperationGuard.class)
        .addFilterAfter(new OwnTaskUnclaim(callers, tasks, asSystem), FormFieldsOnly.class)
        .addFilterAfter(new TaskComments(callers, discussion), OwnTaskUnclaim.class)
        .addFilterAfter(new ManagersHumanTasks(callers, identity, identityService, tasks), TaskComments.class)
        .addFilterAfter(new SecurityAudit.WebappLoginAudit(), ManagersHumanTasks.class);
  }

  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns)
        .<RequestMatcher>map(pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
  }

  /** Our filters, added to a chain. */
  @FunctionalInterface
  interface Guards {
    HttpSecurity addTo(HttpSecurity http);
  }

  /**
   * The request's attributes for the whole filter chain, sign-in included, so that an engine failure
   * inside our filters is answered in words too (rules/ServerFailureWording: e.g. 503 while the
   * directory cannot be reached, instead of 500). Jersey's own registration of this filter comes
   * after the security filters; with this one it registers none.
   */
  @Bean
  FilterRegistrationBean<RequestContextFilter> requestAttributesForEveryFilter() {
    FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(new RequestContextFilter());
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
    return registration;
  }

  /** The APIs' answer without credentials: a Basic challenge, as before the mail sink asked for the webapps' login. */
  private static BasicAuthenticationEntryPoint basicChallenge() {
    BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
    challenge.setRealmName("Realm");
    return challenge;
  }
}
