package org.jointactivities.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an officer proposes (PRODUCT.md §1) and what amendments later change. Single-field rules
 * are declared here; rules across fields live in the proposal validator.
 */
public record ActivityDetails(
    @NotBlank(message = "is required") @Size(max = 200) String title,
    @NotBlank(message = "is required") @Size(max = 4000) String summary,
    @NotBlank(message = "is required") @Size(max = 4000) String objectives,
    @NotEmpty(message = "needs at least one entry") Set<ThematicArea> thematicAreas,
    @NotNull(message = "is required") Set<CrossCuttingMarker> markers,
    @NotEmpty(message = "needs at least one entry") @Size(max = 60) List<String> countries,
    @NotBlank(message = "is required") @Size(max = 100) String region,
    @NotBlank(message = "is required") String leadAgency,
    @NotBlank(message = "is required") String partnerAgency,
    @NotBlank(message = "is required") @Size(max = 64) String leadFocalPoint,
    @NotBlank(message = "is required") @Size(max = 64) String partnerFocalPoint,
    @NotNull(message = "is required") LocalDate plannedStartDate,
    @NotNull(message = "is required") LocalDate plannedEndDate,
    @NotNull(message = "is required") @Positive @Digits(integer = 13, fraction = 2) @DecimalMax("1000000000000") BigDecimal totalBudget,
    @NotBlank(message = "is required") String currency,
    @NotNull(message = "is required") @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal leadContribution,
    @NotNull(message = "is required") @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal partnerContribution,
    @NotEmpty(message = "needs at least one entry") @Size(max = 50) List<@NotBlank @Size(max = 500) String> deliverables,
    @NotEmpty(message = "needs at least one entry") @Size(max = 50) List<@Valid IndicatorLine> indicators,
    @NotNull(message = "is required") ReportingFrequency reportingFrequency,
    @NotNull(message = "is required") CorruptionRisk corruptionRisk,
    @Size(max = 4000) String riskMitigation) {

  /** One indicator as entered: name, baseline and target. */
  public record IndicatorLine(
      @NotBlank(message = "is required") @Size(max = 300) String name,
      @NotNull(message = "is required") @Digits(integer = 13, fraction = 2) BigDecimal baseline,
      @NotNull(message = "is required") @Digits(integer = 13, fraction = 2) BigDecimal target) {}
}
