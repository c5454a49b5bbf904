package org.jointactivities.agreement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jointactivities.document.Sha256;

/**
 * What both agencies signed in one signed version of an activity (the proposal, or an amendment):
 * parties, dates, budget split, objectives, deliverables, indicators, risk rating and the signatures.
 * Its {@link #sha256()} is taken over {@link #canonical()}: one line per value, in a fixed order and
 * format, so the same content always has the same hash whatever produced or printed it.
 */
record AgreementContent(String reference, String signedVersion, String title, Party lead, Party partner,
    LocalDate plannedStart, LocalDate plannedEnd, String currency, BigDecimal totalBudget, String objectives,
    List<String> deliverables, List<Target> indicators, String corruptionRisk, String riskMitigation,
    List<SignedBy> signatures) {

  record Party(String code, String name, BigDecimal contribution) {}

  record Target(String name, BigDecimal baseline, BigDecimal target) {}

  record SignedBy(String name, String userId, String agency, String level, Instant at) {}

  /** "Proposal" or "Amendment 2", as a reader says it. */
  String versionLabel() {
    return signedVersion.startsWith("amendment-") ? "Amendment " + signedVersion.substring("amendment-".length()) : "Proposal";
  }

  String canonical() {
    List<String> lines = new ArrayList<>();
    lines.add("joint-activity-agreement: 1");
    lines.add("reference: " + reference);
    lines.add("signed-version: " + signedVersion);
    lines.add("title: " + title);
    for (Party party : List.of(lead, partner)) {
      String role = party == lead ? "lead" : "partner";
      lines.add(role + ": " + party.code() + " " + party.name());
      lines.add(role + "-contribution: " + plain(party.contribution()) + " " + currency);
    }
    lines.add("planned-start: " + plannedStart);
    lines.add("planned-end: " + plannedEnd);
    lines.add("total-budget: " + plain(totalBudget) + " " + currency);
    lines.add("objectives: " + oneLine(objectives));
    deliverables.forEach(deliverable -> lines.add("deliverable: " + oneLine(deliverable)));
    indicators.forEach(i -> lines.add("indicator: " + oneLine(i.name()) + " | " + plain(i.baseline()) + " | " + plain(i.target())));
    lines.add("corruption-risk: " + corruptionRisk);
    lines.add("risk-mitigation: " + oneLine(riskMitigation));
    signatures.forEach(s -> lines.add("signature: " + s.agency() + " | " + s.userId() + " | " + s.name() + " | " + s.level()
        + " | " + s.at()));
    return String.join("\n", lines) + "\n";
  }

  String sha256() {
    return Sha256.of(canonical());
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
  }

  // a line break inside a value must not read as the start of another value
  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replace("\\", "\\\\").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }
}
