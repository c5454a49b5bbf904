package org.jointactivities.signoff;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.jointactivities.agency.SignatoryLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;


/** Every row of bpmn/signatory-level.dmn and both sides of each of its budget boundaries. */
class SignatoryLevelDecisionTest {

  static DmnDecision decision;
  static DmnEngine dmn;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = new FileInputStream("bpmn/signatory-level.dmn")) {
      decision = dmn.parseDecision("SignatoryLevel", model);
    }
  }

  @ParameterizedTest(name = "{0}, {1} USD, {2} risk -> {3}")
  @CsvSource({
      // up to 100 000: programme manager
      "UNODC, 0.01,       LOW,    PROGRAMME_MANAGER",
      "IOM,   100000,     MEDIUM, PROGRAMME_MANAGER",
      // above 100 000 up to 1 000 000: director
      "UNODC, 100000.01,  LOW,    DIRECTOR",
      "IOM,   1000000,    MEDIUM, DIRECTOR",
      // above 1 000 000: head of agency
      "UNODC, 1000000.01, LOW,    HEAD_OF_AGENCY",
      "IOM,   25000000,   MEDIUM, HEAD_OF_AGENCY",
      // high corruption risk: head of agency at any budget
      "UNODC, 5000,       HIGH,   HEAD_OF_AGENCY",
      "IOM,   500000,     HIGH,   HEAD_OF_AGENCY",
      // an agency added in configuration gets the same rules
      "UNHCR, 50000,      LOW,    PROGRAMME_MANAGER"
  })
  void requiredLevel(String agency, double budgetUsd, String risk, String expected) {
    String level = dmn.evaluateDecisionTable(decision, Variables.createVariables()
            .putValue("signingAgency", agency).putValue("budgetUsd", budgetUsd).putValue("corruptionRisk", risk))
        .getSingleResult().getSingleEntry();
    assertThat(level).isEqualTo(expected);
    assertThat(SignatoryLevel.valueOf(level)).isNotNull();
  }
}
