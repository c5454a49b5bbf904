package org.jointactivities.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jointactivities.activity.CorruptionRisk;
import org.jointactivities.activity.Indicator;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.rules.PlainText;

/**
 * Reads and checks a progress report as the form submits it (PRODUCT.md §4). Every broken rule
 * is named with its field; a report with any of them is refused whole.
 */
final class ProgressReportValidator {

  static final String WHAT = "Progress report";
  static final int MAX_NARRATIVE = 8000;
  static final int MAX_TEXT = 4000;
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  private ProgressReportValidator() {}

  /**
   * @param previous the accepted report of the latest earlier period, if any: expenditure to date cannot
   *     fall below what it reported
   */
  static ReportContent validate(Map<String, Object> form, JointActivity activity, Optional<ProgressReport> previous) {
    List<FieldProblem> problems = new ArrayList<>();
    String narrative = text(form, "narrative", MAX_NARRATIVE, true, problems);
    List<IndicatorProgress> indicators = indicators(form.get("indicatorProgress"), activity.getIndicators(), problems);
    BigDecimal lead = amount(form, "leadExpenditure", problems);
    BigDecimal partner = amount(form, "partnerExpenditure", problems);
    previous.ifPresent(last -> {
      notBelow("leadExpenditure", lead, last, last.getLeadExpenditure(), problems);
      notBelow("partnerExpenditure", partner, last, last.getPartnerExpenditure(), problems);
    });
    String risks = text(form, "risks", MAX_TEXT, true, problems);
    boolean integrityRequired = activity.getCorruptionRisk() != CorruptionRisk.LOW;
    String integrity = text(form, "integrityConcerns", MAX_TEXT, false, problems);
    if (integrityRequired && integrity != null && integrity.isEmpty()) {
      problems.add(new FieldProblem("integrityConcerns", "is required for an activity rated "
          + activity.getCorruptionRisk().name().toLowerCase(Locale.ROOT) + " corruption risk (write 'none' if there are none)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(WHAT, problems);
    }
    return new ReportContent(narrative, indicators, lead, partner, risks, integrity.isEmpty() ? null : integrity);
  }

  private static String text(Map<String, Object> form, String field, int max, boolean required, List<FieldProblem> problems) {
    Object value = form.get(field);
    if (value != null && !(value instanceof String)) {
      problems.add(new FieldProblem(field, "must be text"));
      return null;
    }
    String text = value == null ? "" : ((String) value).strip();
    if (PlainText.hasControlCharacters(text)) {
      problems.add(new FieldProblem(field, "must not contain control characters"));
    } else if (required && text.isEmpty()) {
      problems.add(new FieldProblem(field, "is required"));
    } else if (text.length() > max) {
      problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
    }
    return text;
  }

  private static BigDecimal amount(Map<String, Object> form, String field, List<FieldProblem> problems) {
    Object value = form.get(field);
    if (value == null || value.toString().isBlank()) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    BigDecimal amount = number(value);
    if (amount == null) {
      problems.add(new FieldProblem(field, "must be a number, not '" + value + "'"));
    } else if (amount.signum() < 0) {
      problems.add(new FieldProblem(field, "must not be negative"));
    } else if (amount.compareTo(MAX_AMOUNT) > 0) {
      problems.add(new FieldProblem(field, "must be at most " + MAX_AMOUNT.toPlainString()));
    } else if (amount.stripTrailingZeros().scale() > 2) {
      problems.add(new FieldProblem(field, "must have at most two decimals"));
    } else {
      return amount;
    }
    return null;
  }

  private static void notBelow(String field, BigDecimal amount, ProgressReport last, BigDecimal before,
      List<FieldProblem> problems) {
    if (amount != null && before != null && amount.compareTo(before) < 0) {
      problems.add(new FieldProblem(field, "is expenditure to date and cannot fall below "
          + before.stripTrailingZeros().toPlainString() + ", reported for period " + last.getPeriodNumber()));
    }
  }

  /** One line {@code name | actual} per indicator of the activity, each indicator exactly once. */
  private static List<IndicatorProgress> indicators(Object value, List<Indicator> defined, List<FieldProblem> problems) {
    String field = "indicatorProgress";
    if (value != null && !(value instanceof String)) {
      problems.add(new FieldProblem(field, "must be text, one line per indicator: name | actual"));
      return List.of();
    }
    Map<String, BigDecimal> actuals = new HashMap<>();
    String text = value == null ? "" : (String) value;
    if (PlainText.hasControlCharacters(text)) {
      problems.add(new FieldProblem(field, "must not contain control characters"));
      return List.of();
    }
    int line = 0;
    for (String row : text.split("\\R")) {
      line++;
      if (row.isBlank()) {
        continue;
      }
      int bar = row.lastIndexOf('|');
      String name = bar < 0 ? row.strip() : row.substring(0, bar).strip();
      Optional<Indicator> indicator = defined.stream().filter(i -> i.getName().equalsIgnoreCase(name)).findFirst();
      BigDecimal actual = bar < 0 ? null : number(row.substring(bar + 1).strip());
      if (indicator.isEmpty()) {
        problems.add(new FieldProblem(field, "line " + line + ": '" + name + "' is not an indicator of this activity"));
      } else if (actual == null || actual.abs().compareTo(MAX_AMOUNT) > 0) {
        problems.add(new FieldProblem(field, "line " + line + ": give the value reached as a number, as in '"
            + indicator.get().getName() + " | 25'"));
      } else if (actual.signum() < 0) {
        problems.add(new FieldProblem(field, "line " + line + ": the value reached for '" + indicator.get().getName()
            + "' must not be negative"));
      } else if (actual.stripTrailingZeros().scale() > 2) {
        // stored with two decimals: more would be rounded away silently
        problems.add(new FieldProblem(field, "line " + line + ": the value reached for '" + indicator.get().getName()
            + "' must have at most two decimals"));
      } else if (actuals.put(indicator.get().getName(), actual) != null) {
        problems.add(new FieldProblem(field, "line " + line + ": '" + indicator.get().getName() + "' is given twice"));
      }
    }
    List<IndicatorProgress> progress = new ArrayList<>();
    for (Indicator indicator : defined) {
      BigDecimal actual = actuals.get(indicator.getName());
      if (actual == null) {
        if (problems.stream().noneMatch(p -> p.field().equals(field) && p.rule().contains("'" + indicator.getName() + "'"))) {
          problems.add(new FieldProblem(field, "needs a line for the indicator '" + indicator.getName() + "'"));
        }
      } else {
        progress.add(new IndicatorProgress(indicator.getName(), indicator.getTarget(), actual));
      }
    }
    return progress;
  }

  /** The value as a number, or null when it is none (also NaN and infinity). */
  private static BigDecimal number(Object value) {
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
