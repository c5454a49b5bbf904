package org.jointactivities.exchange;

import java.util.List;
import java.util.Map;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.FormFields;

/** Reads the request form's variables into {@link RequestDetails}; values of the wrong type become problems naming the field. */
final class RequestForm {

  /** Form field keys, which are also the variable names Tasklist submits. */
  static final List<String> FIELDS = List.of("providingAgency", "subject", "question", "purpose", "neededBy",
      "activityReference", "countries", "themes", "classification", "personalData", "legalBasis",
      "protectionMeasures");

  private RequestForm() {}

  record Reading(RequestDetails details, List<FieldProblem> problems) {}

  static Reading read(Map<String, Object> variables) {
    FormFields form = new FormFields(variables);
    String activity = form.code("activityReference");
    RequestDetails details = new RequestDetails(
        form.code("providingAgency"),
        form.line("subject"),
        form.text("question"),
        form.text("purpose"),
        form.date("neededBy"),
        activity == null || activity.isBlank() ? null : activity,
        form.codes("countries"),
        form.enumSet("themes", ThematicArea.class),
        form.enumValue("classification", Classification.class),
        form.yesNo("personalData"),
        blankAsNull(form.text("legalBasis")),
        blankAsNull(form.text("protectionMeasures")));
    return new Reading(details, form.problems());
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
