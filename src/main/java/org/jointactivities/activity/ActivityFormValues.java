package org.jointactivities.activity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The proposal in the shapes the Camunda Forms expect (dates as YYYY-MM-DD, multi-selects as JSON
 * arrays): what review and sign-off forms show when read, and what a revision form starts from
 * (task-local there), without the proposal ever becoming process variables.
 */
public final class ActivityFormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ActivityFormValues() {}

  public static Map<String, Object> of(JointActivity a) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reference", a.getReference());
    values.put("proposer", a.getProposer());
    values.put("title", a.getTitle());
    values.put("summary", a.getSummary());
    values.put("objectives", a.getObjectives());
    values.put("thematicAreas", jsonArray(a.getThematicAreas().stream().map(Enum::name).sorted().toList()));
    values.put("markers", jsonArray(a.getMarkers().stream().map(Enum::name).sorted().toList()));
    values.put("countries", jsonArray(a.getCountries()));
    values.put("region", a.getRegion());
    values.put("leadAgency", a.getLeadAgency());
    values.put("partnerAgency", a.getPartnerAgency());
    values.put("leadFocalPoint", a.getLeadFocalPoint());
    values.put("partnerFocalPoint", a.getPartnerFocalPoint());
    values.put("plannedStartDate", a.getPlannedStartDate().toString());
    values.put("plannedEndDate", a.getPlannedEndDate().toString());
    values.put("totalBudget", a.getTotalBudget().doubleValue());
    values.put("currency", a.getCurrency());
    values.put("leadContribution", a.getLeadContribution().doubleValue());
    values.put("partnerContribution", a.getPartnerContribution().doubleValue());
    values.put("deliverables", String.join("\n", a.getDeliverables()));
    values.put("indicators", a.getIndicators().stream().map(Indicator::toString).collect(Collectors.joining("\n")));
    values.put("reportingFrequency", a.getReportingFrequency().name());
    values.put("corruptionRisk", a.getCorruptionRisk().name());
    values.put("riskMitigation", a.getRiskMitigation() == null ? "" : a.getRiskMitigation());
    return values;
  }

  /** A multi-select's value (or its options, {label, value} each) as the forms read it. */
  public static TypedValue jsonArray(Collection<?> items) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(items)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
