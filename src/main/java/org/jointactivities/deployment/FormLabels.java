package org.jointactivities.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the deployed forms call each field, by key ("totalBudget" → "Total budget"): for texts
 * the application writes about fields outside a form, such as what changed between two review
 * rounds. Learned from the forms as they are deployed.
 */
@Component
public class FormLabels {

  private final Map<String, String> labels = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> options = new ConcurrentHashMap<>();

  void learn(JsonNode form) {
    for (JsonNode component : form.path("components")) {
      String key = component.path("key").asText(null);
      String label = labelOf(component);
      if (key != null && label != null) {
        labels.putIfAbsent(key, label);
        for (JsonNode option : component.path("values")) {
          options.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
              .putIfAbsent(option.path("value").asText(), option.path("label").asText());
        }
      }
      learn(component);
    }
  }

  /** A form field's label as a person reads it (a date's {@code dateLabel}); null when it has none or only an expression does. */
  public static String labelOf(JsonNode component) {
    String label = component.path("label").asText(component.path("dateLabel").asText(""));
    return label.isBlank() || label.startsWith("=") ? null : label;
  }

  /** What the form shows for one of a field's options ("GENDER" → "Gender"), or the value itself. */
  public String option(String key, String value) {
    return options.getOrDefault(key, Map.of()).getOrDefault(value, value);
  }

  /** The field's label, or null when no form shows it (then it is no field a person knows). */
  public String of(String key) {
    return labels.get(key);
  }
}
