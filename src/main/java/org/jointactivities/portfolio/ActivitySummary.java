package org.jointactivities.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jointactivities.activity.JointActivity;

/** One activity as the portfolio lists it (and the CSV export's columns, in this order, before the documents' count). */
public record ActivitySummary(String reference, String title, String state, String leadAgency, String partnerAgency,
    List<String> thematicAreas, List<String> countries, String region, LocalDate plannedStartDate,
    LocalDate plannedEndDate, BigDecimal totalBudget, String currency, BigDecimal leadContribution,
    BigDecimal partnerContribution, String corruptionRisk, Instant submittedAt, Instant signedAt) {

  static ActivitySummary of(JointActivity a) {
    return new ActivitySummary(a.getReference(), a.getTitle(), a.getState().name(), a.getLeadAgency(),
        a.getPartnerAgency(), a.getThematicAreas().stream().map(Enum::name).sorted().toList(),
        a.getCountries().stream().sorted().toList(), a.getRegion(), a.getPlannedStartDate(), a.getPlannedEndDate(),
        a.getTotalBudget(), a.getCurrency(), a.getLeadContribution(), a.getPartnerContribution(),
        a.getCorruptionRisk().name(), a.getSubmittedAt(), a.getSignedAt());
  }
}
