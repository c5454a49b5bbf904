package org.jointactivities.amendment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jointactivities.activity.ActivityChanges;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.rules.FormFields;
import org.jointactivities.rules.InvalidInputException;

/**
 * The amendment start form: which activity, the new values (each optional, at least one change)
 * and the justification. Checked against the activity as it stands; every broken rule is named
 * with its field and the request is refused whole.
 */
final class AmendmentForm {

  static final String WHAT = "Amendment";
  static final List<String> FIELDS = List.of("activityReference", "newStartDate", "newEndDate", "newTotalBudget",
      "newLeadContribution", "newPartnerContribution", "newObjectives", "newDeliverables", "justification");
  static final Set<ActivityState> AMENDABLE = Set.of(ActivityState.SIGNED, ActivityState.ACTIVE, ActivityState.SUSPENDED);
  private static final int MAX_DURATION_YEARS = 5;
  private static final int MAX_TEXT = 4000;
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  private AmendmentForm() {}

  record Request(ActivityChanges changes, String justification) {}

  static String reference(Map<String, Object> variables) {
    Object value = variables.get("activityReference");
    String reference = value == null ? "" : value.toString().strip();
    if (!reference.matches("JA-\\d{4}-\\d{1,6}")) {
      throw new InvalidInputException(WHAT, "activityReference", "is required: the activity's reference, e.g. JA-2027-0001");
    }
    return reference;
  }

  static Request read(Map<String, Object> variables, JointActivity activity, LocalDate today) {
    FormFields form = new FormFields(variables);
    if (!AMENDABLE.contains(activity.getState())) {
      form.problem("activityReference", activity.getReference() + " is " + activity.getState()
          + "; only a signed, active or suspended activity can be amended");
    }
    String justification = text(form, "justification");
    if (justification == null || justification.isEmpty()) {
      form.problem("justification", "is required: say why the activity must change");
    }
    LocalDate start = form.date("newStartDate");
    LocalDate end = form.date("newEndDate");
    LocalDate newStart = start == null ? activity.getPlannedStartDate() : start;
    LocalDate newEnd = end == null ? activity.getPlannedEndDate() : end;
    if (!newEnd.isAfter(newStart)) {
      form.problem(end == null ? "newStartDate" : "newEndDate", "the end date (" + newEnd
          + ") must be after the start date (" + newStart + ")");
    } else if (newEnd.isAfter(newStart.plusYears(MAX_DURATION_YEARS))) {
      form.problem("newEndDate", "must be at most " + MAX_DURATION_YEARS + " years after the start date (" + newStart + ")");
    }
    if (start != null && start.isBefore(today)) {
      form.problem("newStartDate", "must not lie in the past (today is " + today + ")");
    }
    BigDecimal total = form.amount("newTotalBudget");
    BigDecimal lead = form.amount("newLeadContribution");
    BigDecimal partner = form.amount("newPartnerContribution");
    boolean budget = total != null || lead != null || partner != null;
    if (budget) {
      checkBudget(form, total, lead, partner);
    }
    String objectives = text(form, "newObjectives");
    List<String> deliverables = form.lines("newDeliverables");
    if (deliverables.size() > 50 || deliverables.stream().anyMatch(line -> line.length() > 500)) {
      form.problem("newDeliverables", "must list at most 50 deliverables of at most 500 characters each");
    }
    ActivityChanges changes = new ActivityChanges(
        changed(start, activity.getPlannedStartDate()),
        changed(end, activity.getPlannedEndDate()),
        budget && !sameBudget(activity, total, lead, partner) ? total : null,
        budget && !sameBudget(activity, total, lead, partner) ? lead : null,
        budget && !sameBudget(activity, total, lead, partner) ? partner : null,
        objectives == null || objectives.isEmpty() ? null : changed(objectives, activity.getObjectives()),
        deliverables.isEmpty() ? null : changed(deliverables, activity.getDeliverables()));
    if (form.problems().isEmpty() && changes.equals(new ActivityChanges(null, null, null, null, null, null, null))) {
      form.problem("newEndDate", "no change requested: give at least one new date, budget, objectives or deliverables");
    }
    if (!form.problems().isEmpty()) {
      throw new InvalidInputException(WHAT, form.problems());
    }
    return new Request(changes, justification);
  }

  private static void checkBudget(FormFields form, BigDecimal total, BigDecimal lead, BigDecimal partner) {
    if (total == null || lead == null || partner == null) {
      form.problem(total == null ? "newTotalBudget" : lead == null ? "newLeadContribution" : "newPartnerContribution",
          "is required when the budget changes: give the new total and both agencies' contributions");
      return;
    }
    for (Map.Entry<String, BigDecimal> amount : Map.of("newTotalBudget", total, "newLeadContribution", lead,
        "newPartnerContribution", partner).entrySet()) {
      if (amount.getValue().stripTrailingZeros().scale() > 2) {
        form.problem(amount.getKey(), "must have at most two decimals");
      }
    }
    if (total.signum() <= 0 || total.compareTo(MAX_AMOUNT) > 0) {
      form.problem("newTotalBudget", "must be positive and at most " + MAX_AMOUNT.toPlainString());
    }
    if (lead.signum() < 0 || partner.signum() < 0) {
      form.problem(lead.signum() < 0 ? "newLeadContribution" : "newPartnerContribution", "must not be negative");
    } else if (lead.add(partner).compareTo(total) != 0) {
      form.problem("newTotalBudget", "must equal the two contributions together (" + lead.add(partner).toPlainString() + ")");
    }
  }

  private static String text(FormFields form, String field) {
    String text = form.text(field);
    if (text != null && text.strip().length() > MAX_TEXT) {
      form.problem(field, "must be at most " + MAX_TEXT + " characters");
    }
    return text == null ? null : text.strip();
  }

  private static boolean sameBudget(JointActivity activity, BigDecimal total, BigDecimal lead, BigDecimal partner) {
    return total != null && lead != null && partner != null && total.compareTo(activity.getTotalBudget()) == 0
        && lead.compareTo(activity.getLeadContribution()) == 0 && partner.compareTo(activity.getPartnerContribution()) == 0;
  }

  private static <T> T changed(T proposed, T current) {
    return proposed == null || Objects.equals(proposed, current) ? null : proposed;
  }
}
