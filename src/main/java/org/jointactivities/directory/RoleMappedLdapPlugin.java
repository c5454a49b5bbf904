package org.jointactivities.directory;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Camunda's LDAP plugin, configured from {@code joint-activities.directory.ldap}, opening sessions
 * that show our groups instead of the directory's (RoleMappedLdapSession).
 */
public class RoleMappedLdapPlugin extends LdapIdentityProviderPlugin {

  private final DirectoryGroups groups;

  RoleMappedLdapPlugin(DirectoryGroups groups) {
    this.groups = groups;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    LdapIdentityProviderFactory sessions = new LdapIdentityProviderFactory() {
      @Override
      public Session openSession() {
        return new RoleMappedLdapSession(ldapConfiguration, groups);
      }
    };
    sessions.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(sessions);
  }
}
