package org.jointactivities.directory;

import org.jointactivities.agency.AgencyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * People from the agencies' directory when {@code joint-activities.directory.ldap.server-url} is set
 * (config/application-ldap.yml): Camunda's identity store is then read-only, and users, passwords
 * and memberships are the directory's.
 */
@Configuration
@ConditionalOnProperty(prefix = "joint-activities.directory.ldap", name = "server-url")
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryConfiguration.class);

  @Bean
  DirectoryGroups directoryGroups(AgencyDirectory agencies, DirectoryProperties properties) {
    DirectoryGroups groups = new DirectoryGroups(agencies, properties);
    if (!groups.unmapped().isEmpty()) {
      LOG.warn("No directory group is mapped to {} (joint-activities.directory.groups): nobody holds these roles",
          String.join(", ", groups.unmapped()));
    }
    return groups;
  }

  @Bean
  @ConfigurationProperties("joint-activities.directory.ldap")
  RoleMappedLdapPlugin ldapIdentityProvider(DirectoryGroups groups) {
    return new RoleMappedLdapPlugin(groups);
  }
}
