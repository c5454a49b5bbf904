package org.jointactivities.reporting;

import java.math.BigDecimal;
import java.util.List;

/** What an officer reports for a period, once validated. */
public record ReportContent(String narrative, List<IndicatorProgress> indicators, BigDecimal leadExpenditure,
    BigDecimal partnerExpenditure, String risks, String integrityConcerns) {}
