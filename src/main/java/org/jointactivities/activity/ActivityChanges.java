package org.jointactivities.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a signed amendment changes (PRODUCT.md §4): dates, budget or scope. A null value keeps
 * the agreed one; the budget changes as a whole (total and both contributions).
 */
public record ActivityChanges(LocalDate startDate, LocalDate endDate, BigDecimal totalBudget,
    BigDecimal leadContribution, BigDecimal partnerContribution, String objectives, List<String> deliverables) {}
