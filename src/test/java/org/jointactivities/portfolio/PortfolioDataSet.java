package org.jointactivities.portfolio;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityChanges;
import org.jointactivities.activity.ActivityDetails;
import org.jointactivities.activity.ActivityDetails.IndicatorLine;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.CorruptionRisk;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.ReportingFrequency;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.amendment.AmendmentRepository;
import org.jointactivities.amendment.TestAmendments;
import org.jointactivities.signoff.SignatureRepository;
import org.jointactivities.signoff.TestSignatures;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 50 activities with known figures: activity i is led by UNODC when i is even (else IOM), has
 * theme i%3 and country i%5, a budget worth 10 000 × (i+1) USD split 60/40 — in Colombian pesos
 * when i%10 is 3 (40 000 000 × (i+1) COP at the configured 0.00025), else in USD —, starts i months after
 * January 2027 for a year, was submitted on day i, and is, by i%5: in review, awaiting signature,
 * signed, rejected or withdrawn. A signed activity was signed by UNODC i%11+1 days and by IOM i%7+1
 * days after submission, and is signed when the later of the two signed; 60 days later both agencies
 * signed an amendment, which is no part of the time to signature. The last one's amendment (i = 47)
 * extended its end by six months.
 */
final class PortfolioDataSet {

  static final int SIZE = 50;
  static final List<ThematicArea> THEMES = List.of(ThematicArea.values());
  static final List<String> COUNTRIES = List.of("ZA", "MZ", "CO", "KZ", "NG");
  static final List<ActivityState> STATES = List.of(ActivityState.IN_REVIEW, ActivityState.AWAITING_SIGNATURE,
      ActivityState.SIGNED, ActivityState.REJECTED, ActivityState.WITHDRAWN);
  static final Instant FIRST_SUBMISSION = Instant.parse("2026-01-05T09:00:00Z");

  private PortfolioDataSet() {}

  static String lead(int i) {
    return i % 2 == 0 ? "UNODC" : "IOM";
  }

  static BigDecimal budgetUsd(int i) {
    return BigDecimal.valueOf(10_000L * (i + 1));
  }

  static String currency(int i) {
    return i % 10 == 3 ? "COP" : "USD";
  }

  /** In the activity's currency: the COP amounts are the largest numbers, not the largest budgets. */
  static BigDecimal budget(int i) {
    return currency(i).equals("COP") ? budgetUsd(i).multiply(BigDecimal.valueOf(4000)) : budgetUsd(i);
  }

  static ActivityState state(int i) {
    return STATES.get(i % 5);
  }

  static int daysToSignature(int i, String agency) {
    return agency.equals("UNODC") ? i % 11 + 1 : i % 7 + 1;
  }

  static String title(int i) {
    // the first one's title would run as a formula in a spreadsheet, the sixth's after the ';'
    // where that is the list separator
    return switch (i) {
      case 0 -> "=SUM(A1:A9) training";
      case 5 -> "Training;=1+1";
      default -> "Portfolio activity " + i;
    };
  }

  static void create(ActivityRegistry registry, SignatureRepository signatures, AmendmentRepository amendments,
      TransactionTemplate transaction) {
    create(registry, signatures, amendments, transaction, 0, SIZE);
  }

  /** Activities {@code from} to {@code to} (exclusive) of the same pattern, for a larger portfolio. */
  static void create(ActivityRegistry registry, SignatureRepository signatures, AmendmentRepository amendments,
      TransactionTemplate transaction, int from, int to) {
    try {
      for (int i = from; i < to; i++) {
        int n = i;
        Instant submitted = FIRST_SUBMISSION.plus(Duration.ofDays(i));
        ClockUtil.setCurrentTime(Date.from(submitted));
        long id = transaction.execute(status -> registry.submit(details(n), "unodc-officer", lead(n), "none").getId());
        transaction.executeWithoutResult(status -> moveTo(registry, signatures, amendments, id, n, submitted));
      }
    } finally {
      ClockUtil.reset();
    }
  }

  private static void moveTo(ActivityRegistry registry, SignatureRepository signatures,
      AmendmentRepository amendments, long id, int i, Instant submitted) {
    switch (state(i)) {
      case AWAITING_SIGNATURE -> registry.transition(id, ActivityState.AWAITING_SIGNATURE, null, null,
          AuditAction.SIGNATURE_REQUESTED, null, null);
      case SIGNED -> {
        registry.transition(id, ActivityState.AWAITING_SIGNATURE, null, null, AuditAction.SIGNATURE_REQUESTED, null, null);
        Instant signed = submitted;
        for (String agency : List.of("UNODC", "IOM")) {
          Instant at = submitted.plus(Duration.ofDays(daysToSignature(i, agency)));
          signatures.save(TestSignatures.of(id, "proposal-sign-off-" + i, agency, at));
          signed = at.isAfter(signed) ? at : signed;
        }
        ClockUtil.setCurrentTime(Date.from(signed));
        registry.transition(id, ActivityState.SIGNED, null, null, AuditAction.ACTIVITY_SIGNED, null, null);
        Instant amended = signed.plus(Duration.ofDays(60));
        for (String agency : List.of("UNODC", "IOM")) {
          signatures.save(TestSignatures.of(id, "amendment-sign-off-" + i, agency, amended));
        }
        if (i == 47) {
          ClockUtil.setCurrentTime(Date.from(amended));
          JointActivity before = registry.get(id);
          ActivityChanges longer = new ActivityChanges(null, before.getPlannedEndDate().plusMonths(6), null, null,
              null, null, null);
          amendments.save(TestAmendments.appliedTo(before, 1, longer, amended));
          registry.amend(id, longer, "amendment-1", "Amendment 1 applied");
        }
      }
      case REJECTED -> registry.transition(id, ActivityState.REJECTED, null, null, AuditAction.PROPOSAL_REJECTED, null, null);
      case WITHDRAWN -> registry.transition(id, ActivityState.WITHDRAWN, "unodc-officer", "UNODC", AuditAction.WITHDRAWN,
          null, "No longer needed");
      default -> { }
    }
  }

  private static ActivityDetails details(int i) {
    String lead = lead(i);
    String partner = lead.equals("UNODC") ? "IOM" : "UNODC";
    LocalDate start = LocalDate.of(2027, 1, 1).plusMonths(i);
    BigDecimal total = budget(i);
    BigDecimal leadShare = total.multiply(new BigDecimal("0.6"));
    return new ActivityDetails(title(i), "Summary " + i, "Objectives " + i, Set.of(THEMES.get(i % 3)), Set.of(),
        List.of(COUNTRIES.get(i % 5)), "Southern Africa", lead, partner, lead.toLowerCase() + "-reviewer",
        partner.toLowerCase() + "-reviewer", start, start.plusYears(1).minusDays(1), total, currency(i), leadShare,
        total.subtract(leadShare), List.of("Deliverable"), List.of(new IndicatorLine("Indicator", BigDecimal.ZERO,
        BigDecimal.TEN)), ReportingFrequency.QUARTERLY, CorruptionRisk.LOW, null);
  }
}
