package org.jointactivities.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.jointactivities.support.JointActivitiesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo people: someone in every role of every agency, and a restart that changes nothing. */
@JointActivitiesTest
class DemoSetupTest {

  @Autowired DemoSetup demo;
  @Autowired IdentityService identity;

  @Test
  void everyRoleOfEveryAgencyHasAUserWhoCanLogIn() {
    for (String agency : List.of("unodc", "iom")) {
      for (String role : List.of("officers", "reviewers", "managers", "data-protection", "signatories-programme-manager",
          "signatories-director", "signatories-head-of-agency")) {
        assertThat(identity.createUserQuery().memberOfGroup(agency + "-" + role).count())
            .as("members of %s-%s", agency, role).isPositive();
      }
    }
    assertThat(identity.checkPassword("iom-signatory-head", "demo")).isTrue();
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isOne();
  }

  @Test
  void aRestartChangesNothing() {
    long users = identity.createUserQuery().count();
    long memberships = identity.createUserQuery().memberOfGroup("iom-reviewers").count();

    demo.create();

    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createUserQuery().memberOfGroup("iom-reviewers").count()).isEqualTo(memberships);
  }
}
