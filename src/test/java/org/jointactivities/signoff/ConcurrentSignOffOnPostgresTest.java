package org.jointactivities.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.ActivityState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.TestPropertySource;

/**
 * The same on PostgreSQL, the production database, where concurrent completions collide most
 * (see ENGINEERING.md). Also runs our Flyway migrations there. {@code .ci/run} starts a private
 * PostgreSQL server and sets JA_TEST_POSTGRES_URL; without it this class does not run.
 */
@EnabledIfEnvironmentVariable(named = "JA_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
@TestPropertySource(properties = {
    "spring.datasource.url=${JA_TEST_POSTGRES_URL}",
    "spring.datasource.username=${JA_TEST_POSTGRES_USER:postgres}",
    "spring.datasource.password=${JA_TEST_POSTGRES_PASSWORD:}",
    // a second application context next to the H2 one: its own mail port and engine name
    "joint-activities.mail-sink.port=0",
    "camunda.bpm.process-engine-name=postgres-test"
})
class ConcurrentSignOffOnPostgresTest extends ConcurrentSignOffTest {

  @Test
  void aProposalIsSignedOnPostgres() {
    ProcessInstance proposal = scenario.submitValid();
    scenario.approveBoth(proposal);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");
    assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.SIGNED);
    assertThat(scenario.activity(proposal).getCountries()).containsExactly("ZA", "MZ");
  }
}
