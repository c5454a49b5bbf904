package benchmark.bare;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The benchmark's yardstick: a bare Camunda 7.24 Spring Boot application of the same shape as a
 * joint activity's lifecycle (start, two parallel user tasks, a called process with two parallel user
 * tasks, end) on the same engine settings that matter — H2 file or PostgreSQL, full history,
 * authorization on, HTTP Basic on the REST API — and nothing of ours: no delegates, tables or mails.
 * Started by the benchmark with {@code --spring.config.location=classpath:/benchmark/bare/bare.yml}; the
 * exclusions keep what our dependencies would otherwise switch on (Flyway, JPA, security, mail).
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
    "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
    "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
    "org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration"})
public class BareCamundaApplication {

  /** The benchmark's users: one officer and four people who review and sign, all in group bench. */
  static final List<String> USERS = List.of("officer", "reviewer1", "reviewer2", "signer1", "signer2");
  static final String PASSWORD = "bench";

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> httpBasicOnTheRestApi() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filter =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    filter.addUrlPatterns("/engine-rest/*");
    filter.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return filter;
  }

  /** Users, their group and grants like a real deployment's: start the models, work the group's tasks. */
  @EventListener(ApplicationReadyEvent.class)
  public void usersAndGrants(ApplicationReadyEvent ready) {
    ProcessEngine engine = ready.getApplicationContext().getBean(ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (identity.createGroupQuery().groupId("bench").count() > 0) {
      return;
    }
    identity.saveGroup(identity.newGroup("bench"));
    for (String id : USERS) {
      User user = identity.newUser(id);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, "bench");
    }
    grant(authorizations, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.CREATE_INSTANCE,
        Permissions.READ_INSTANCE, Permissions.READ_TASK, Permissions.TASK_WORK, Permissions.READ_HISTORY);
    grant(authorizations, Resources.PROCESS_INSTANCE, Permissions.CREATE);
  }

  private static void grant(AuthorizationService authorizations, Resource resource, Permissions... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("bench");
    grant.setResource(resource);
    grant.setResourceId("*");
    for (Permissions permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
