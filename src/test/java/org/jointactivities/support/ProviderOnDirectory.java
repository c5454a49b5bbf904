package org.jointactivities.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The agencies' sign-in as the single sign-on tests meet it: a real OpenLDAP server with the demo
 * organisation, and a real Keycloak federating it. One per test class, in its own JVM.
 */
public final class ProviderOnDirectory implements AutoCloseable {

  public static final String SUFFIX = "dc=agencies,dc=example";

  public final OpenLdapServer directory;
  public final KeycloakServer provider;

  private ProviderOnDirectory(OpenLdapServer directory, KeycloakServer provider) {
    this.directory = directory;
    this.provider = provider;
  }

  public static ProviderOnDirectory start() {
    OpenLdapServer directory = OpenLdapServer.start(SUFFIX, "/directory/demo-organisation.ldif");
    return new ProviderOnDirectory(directory, KeycloakServer.start(directory, SUFFIX));
  }

  /** The application's {@code ldap} and {@code sso} settings pointing at both servers. */
  public void addTo(DynamicPropertyRegistry properties) {
    directory.addTo(properties, SUFFIX);
    provider.addTo(properties);
  }

  @Override
  public void close() {
    provider.close();
    directory.close();
  }
}
