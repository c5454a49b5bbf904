package org.jointactivities.security;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jointactivities.identity.DemoProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start with anything meant for the demo: the demo setup, the
 * local mail sink, the embedded database, or any user whose password is the demo password. The
 * demo setup waits for this check (it depends on this bean), so nothing is created first.
 */
@Component("productionSafety")
public class ProductionSafety {

  private final DemoProperties demo;
  private final IdentityService identity;
  private final Environment environment;

  ProductionSafety(DemoProperties demo, IdentityService identity, Environment environment) {
    this.demo = demo;
    this.identity = identity;
    this.environment = environment;
  }

  @PostConstruct
  void check() {
    if (!environment.acceptsProfiles(Profiles.of("production"))) {
      return;
    }
    if (demo.enabled()) {
      refuse("joint-activities.demo.enabled is true: demo users must not exist in production");
    }
    if (environment.getProperty("joint-activities.mail-sink.enabled", Boolean.class, false)) {
      refuse("joint-activities.mail-sink.enabled is true: production mail goes to a real SMTP server");
    }
    if (demo.password() != null && !demo.password().isBlank()) {
      List<String> withDemoPassword = identity.createUserQuery().list().stream().map(User::getId)
          .filter(user -> identity.checkPassword(user, demo.password())).toList();
      if (!withDemoPassword.isEmpty()) {
        refuse("these users still have the demo password: " + String.join(", ", withDemoPassword)
            + " — delete them or set real passwords in Camunda Admin");
      }
    }
    String database = environment.getProperty("spring.datasource.url", "");
    if (database.startsWith("jdbc:h2:")) {
      refuse("spring.datasource.url is an embedded H2 database (" + database + "): production runs on PostgreSQL");
    }
  }

  private static void refuse(String reason) {
    throw new IllegalStateException("Refusing to start with the production profile: " + reason);
  }
}
