package org.jointactivities.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Fields defined once and shown in several forms. A form shares a group of its fields by marking
 * the group with the custom property {@code shared} (e.g. the proposal form's group
 * {@code "shared": "proposal"}); another form shows them with an empty group marked
 * {@code "fieldsOf": "proposal"}, optionally {@code "readonly": "all"} or a list of keys. Before the
 * forms are deployed the empty group receives a copy of the shared fields (ids suffixed to stay
 * unique in the form), read-only ones without their validation and hints. Camunda Modeler edits
 * both as ordinary forms; Tasklist sees the filled ones.
 */
final class SharedFormFields {

  private final Map<String, ArrayNode> shared = new HashMap<>();

  /** Learns the shared groups of every form first: a form may show fields shared by one deployed after it. */
  void learn(JsonNode form) {
    walk(form.path("components"), component -> {
      String name = component.path("properties").path("shared").asText(null);
      if (name != null && shared.put(name, (ArrayNode) component.path("components")) != null) {
        throw new IllegalStateException("Two forms share fields as '" + name + "'");
      }
    });
  }

  void fill(JsonNode form) {
    walk(form.path("components"), component -> {
      String name = component.path("properties").path("fieldsOf").asText(null);
      if (name == null) {
        return;
      }
      ArrayNode fields = shared.get(name);
      if (fields == null) {
        throw new IllegalStateException("Form " + form.path("id").asText() + " shows fields of '" + name
            + "', which no form shares (known: " + shared.keySet() + ")");
      }
      String readonly = component.path("properties").path("readonly").asText("");
      Set<String> readOnlyKeys = Arrays.stream(readonly.split(",")).map(String::strip).collect(Collectors.toSet());
      ArrayNode copy = ((ObjectNode) component).putArray("components");
      String suffix = "_" + component.path("id").asText();
      for (JsonNode field : fields) {
        ObjectNode copied = field.deepCopy();
        copyFor(copied, suffix, key -> readonly.equals("all") || readOnlyKeys.contains(key));
        copy.add(copied);
      }
    });
  }

  private static void copyFor(ObjectNode field, String suffix, Predicate<String> readOnly) {
    if (field.has("id")) {
      field.put("id", field.path("id").asText() + suffix);
    }
    String key = field.path("key").asText(null);
    if (key != null && readOnly.test(key)) {
      field.put("readonly", true);
      field.remove(List.of("validate", "description"));
    }
    for (JsonNode child : field.path("components")) {
      copyFor((ObjectNode) child, suffix, readOnly);
    }
  }

  private static void walk(JsonNode components, Consumer<JsonNode> visit) {
    for (JsonNode component : components) {
      visit.accept(component);
      walk(component.path("components"), visit);
    }
  }
}
