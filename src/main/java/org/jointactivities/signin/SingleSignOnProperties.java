package org.jointactivities.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through the agencies' OpenID provider (config/application-sso.yml).
 *
 * @param enabled whether the webapps sign in at the provider and the APIs take its bearer tokens
 * @param userIdClaim the token claim that holds the user id the directory knows the person by
 * @param groupsClaim the token claim that lists the person's directory groups, mapped to ours as
 *     {@code joint-activities.directory.groups} says; blank: the groups are asked of the directory
 * @param registration the id of the client registration under {@code spring.security.oauth2.client}
 */
@ConfigurationProperties("joint-activities.sso")
public record SingleSignOnProperties(
    boolean enabled,
    @DefaultValue("preferred_username") String userIdClaim,
    @DefaultValue("groups") String groupsClaim,
    @DefaultValue("agencies") String registration) {
}
