package org.jointactivities.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.support.OnPostgres;
import org.junit.jupiter.api.Test;

/**
 * The same on PostgreSQL, the production database, where concurrent completions collide most
 * (see ENGINEERING.md). Also runs our Flyway migrations there.
 */
@OnPostgres
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
