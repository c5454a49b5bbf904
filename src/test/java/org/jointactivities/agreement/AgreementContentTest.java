package org.jointactivities.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jointactivities.agreement.AgreementContent.Party;
import org.jointactivities.agreement.AgreementContent.SignedBy;
import org.jointactivities.agreement.AgreementContent.Target;
import org.junit.jupiter.api.Test;

/** The hash printed in an agreement belongs to its content alone: the same content, the same hash; any change, another. */
class AgreementContentTest {

  @Test
  void theSameContentHasTheSameHashHoweverItsAmountsAreWritten() {
    assertThat(content("Officials refer victims", List.of("Curriculum"), new BigDecimal("90000.00")).sha256())
        .isEqualTo(content("Officials refer victims", List.of("Curriculum"), new BigDecimal("90000")).sha256())
        .hasSize(64);
  }

  @Test
  void anyChangeOfTheSignedContentChangesTheHash() {
    String hash = content("Officials refer victims", List.of("Curriculum"), new BigDecimal("90000")).sha256();
    assertThat(content("Officials refer victims.", List.of("Curriculum"), new BigDecimal("90000")).sha256()).isNotEqualTo(hash);
    assertThat(content("Officials refer victims", List.of("Curriculum", "Workshop"), new BigDecimal("90000")).sha256())
        .isNotEqualTo(hash);
    assertThat(content("Officials refer victims", List.of("Curriculum"), new BigDecimal("90001")).sha256()).isNotEqualTo(hash);
  }

  @Test
  void aLineBreakInATextCannotPassForAnotherValue() {
    // objectives that end in what reads as a deliverable are not the same content as that deliverable
    AgreementContent written = content("Officials refer victims\ndeliverable: Curriculum", List.of(), new BigDecimal("90000"));
    AgreementContent listed = content("Officials refer victims", List.of("Curriculum"), new BigDecimal("90000"));
    assertThat(written.canonical()).contains("objectives: Officials refer victims\\ndeliverable: Curriculum\n");
    assertThat(written.sha256()).isNotEqualTo(listed.sha256());
  }

  private static AgreementContent content(String objectives, List<String> deliverables, BigDecimal total) {
    return new AgreementContent("JA-2027-0001", "proposal", "Joint training", new Party("UNODC", "UNODC", new BigDecimal("60000")),
        new Party("IOM", "IOM", new BigDecimal("30000")), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), "USD",
        total, objectives, deliverables, List.of(new Target("Officials trained", BigDecimal.ZERO, new BigDecimal("120"))),
        "LOW", null, List.of(new SignedBy("Ana Silva", "unodc-signatory-pm", "UNODC", "programme manager",
            Instant.parse("2026-12-01T10:00:00Z"))));
  }
}
