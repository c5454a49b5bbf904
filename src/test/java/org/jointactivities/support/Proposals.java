package org.jointactivities.support;

import java.util.HashMap;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Proposal form variables as Tasklist submits them; tests change one field at a time. */
public final class Proposals {

  private Proposals() {}

  /** A valid UNODC-led proposal with IOM as partner, 90 000 USD, low risk: programme-manager level. */
  public static Map<String, Object> valid() {
    Map<String, Object> v = new HashMap<>();
    v.put("title", "Joint training on victim identification at borders");
    v.put("summary", "Two agencies train border officials to identify victims of trafficking.");
    v.put("objectives", "Officials identify and refer victims; referral procedures agreed.");
    v.put("thematicAreas", json("[\"TRAFFICKING_IN_PERSONS\",\"BORDER_MANAGEMENT\"]"));
    v.put("markers", json("[\"GENDER\",\"HUMAN_RIGHTS\"]"));
    v.put("countries", json("[\"ZA\",\"MZ\"]"));
    v.put("region", "Southern Africa");
    v.put("leadAgency", "UNODC");
    v.put("partnerAgency", "IOM");
    v.put("leadFocalPoint", "unodc-reviewer");
    v.put("partnerFocalPoint", "iom-reviewer");
    v.put("plannedStartDate", "2027-01-01");
    v.put("plannedEndDate", "2027-12-31");
    v.put("totalBudget", 90000);
    v.put("currency", "USD");
    v.put("leadContribution", 60000);
    v.put("partnerContribution", 30000.0);
    v.put("deliverables", "Training curriculum\nTwo regional workshops");
    v.put("indicators", "Officials trained | 0 | 120\nReferrals made | 5 | 40");
    v.put("reportingFrequency", "QUARTERLY");
    v.put("corruptionRisk", "LOW");
    return v;
  }

  public static Map<String, Object> with(String field, Object value) {
    Map<String, Object> v = valid();
    v.put(field, value);
    return v;
  }

  /** The same proposal as the engine's REST API takes it from Tasklist's start form. */
  public static Map<String, Object> overRest() {
    return overRest(valid());
  }

  /** These proposal values as the engine's REST API takes them from Tasklist's start form. */
  public static Map<String, Object> overRest(Map<String, Object> proposal) {
    Map<String, Object> variables = new HashMap<>();
    proposal.forEach((name, value) -> variables.put(name, value instanceof JsonValue json
        ? Map.of("value", json.getValueSerialized(), "type", "Json") : Map.of("value", value)));
    return variables;
  }

  public static Object json(String array) {
    return SpinValues.jsonValue(array).create();
  }
}
