package org.jointactivities.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;
import org.jointactivities.activity.ActivityDetails;
import org.jointactivities.activity.ActivityDetails.IndicatorLine;
import org.jointactivities.activity.CorruptionRisk;
import org.jointactivities.activity.CrossCuttingMarker;
import org.jointactivities.activity.ReportingFrequency;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.PlainText;

/**
 * Reads the proposal form's variables (as Tasklist submits them: strings, numbers, and JSON
 * arrays for multi-selects) into {@link ActivityDetails}. Values of the wrong type become
 * problems naming the field, never exceptions half-way through.
 */
public final class ProposalForm {

  /** Form field keys, which are also the variable names Tasklist submits. */
  public static final List<String> FIELDS = List.of(
      "title", "summary", "objectives", "thematicAreas", "markers", "countries", "region",
      "leadAgency", "partnerAgency", "leadFocalPoint", "partnerFocalPoint",
      "plannedStartDate", "plannedEndDate", "totalBudget", "currency", "leadContribution",
      "partnerContribution", "deliverables", "indicators", "reportingFrequency", "corruptionRisk",
      "riskMitigation");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> values;
  private final List<FieldProblem> problems = new ArrayList<>();

  private ProposalForm(Map<String, Object> values) {
    this.values = values;
  }

  /** Converted details plus the problems met on the way; details are null where a field could not be read. */
  public record Reading(ActivityDetails details, List<FieldProblem> problems) {}

  public static Reading read(Map<String, Object> variables) {
    ProposalForm form = new ProposalForm(variables);
    ActivityDetails details = new ActivityDetails(
        form.text("title"),
        form.text("summary"),
        form.text("objectives"),
        form.enumSet("thematicAreas", ThematicArea.class),
        form.enumSet("markers", CrossCuttingMarker.class),
        form.codes("countries"),
        form.text("region"),
        form.code("leadAgency"),
        form.code("partnerAgency"),
        form.text("leadFocalPoint"),
        form.text("partnerFocalPoint"),
        form.date("plannedStartDate"),
        form.date("plannedEndDate"),
        form.amount("totalBudget"),
        form.code("currency"),
        form.amount("leadContribution"),
        form.amount("partnerContribution"),
        form.lines("deliverables"),
        form.indicators("indicators"),
        form.enumValue("reportingFrequency", ReportingFrequency.class),
        form.enumValue("corruptionRisk", CorruptionRisk.class),
        form.text("riskMitigation"));
    return new Reading(details, List.copyOf(form.problems));
  }

  private String text(String field) {
    Object value = values.get(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      if (PlainText.hasControlCharacters(value.toString())) {
        problems.add(new FieldProblem(field, "must not contain control characters"));
        return null;
      }
      return value.toString();
    }
    problems.add(new FieldProblem(field, "must be text"));
    return null;
  }

  private String code(String field) {
    String text = text(field);
    return text == null ? null : text.strip().toUpperCase(Locale.ROOT);
  }

  private LocalDate date(String field) {
    Object value = values.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (value instanceof String s) {
      try {
        return LocalDate.parse(s.strip());
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem(field, "must be a date written YYYY-MM-DD, not '" + shorten(s) + "'"));
        return null;
      }
    }
    problems.add(new FieldProblem(field, "must be a date written YYYY-MM-DD"));
    return null;
  }

  private BigDecimal amount(String field) {
    Object value = values.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      if (value instanceof BigDecimal decimal) {
        return decimal;
      }
      if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
        throw new NumberFormatException();
      }
      if (value instanceof Number || value instanceof String) {
        return new BigDecimal(value.toString().strip());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new FieldProblem(field, "must be a number, not '" + shorten(String.valueOf(value)) + "'"));
    return null;
  }

  private <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String text = code(field);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "'" + shorten(text) + "' is not one of " + optionsOf(type)));
      return null;
    }
  }

  private <E extends Enum<E>> Set<E> enumSet(String field, Class<E> type) {
    Set<E> result = new LinkedHashSet<>();
    for (String item : list(field)) {
      try {
        result.add(Enum.valueOf(type, item.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(field, "'" + shorten(item) + "' is not one of " + optionsOf(type)));
      }
    }
    return result;
  }

  private List<String> codes(String field) {
    return list(field).stream().map(code -> code.strip().toUpperCase(Locale.ROOT)).distinct().toList();
  }

  /** Free text with one item per line (a textarea), or a list. */
  private List<String> lines(String field) {
    Object value = values.get(field);
    if (value instanceof String s) {
      return s.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
    return list(field).stream().map(String::strip).filter(item -> !item.isEmpty()).toList();
  }

  /** One indicator per line: {@code name | baseline | target}. */
  private List<IndicatorLine> indicators(String field) {
    List<IndicatorLine> result = new ArrayList<>();
    List<String> lines = lines(field);
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split("\\|", -1);
      String where = "line " + (i + 1) + " ('" + shorten(lines.get(i)) + "')";
      if (parts.length != 3) {
        problems.add(new FieldProblem(field, where + " must read 'name | baseline | target'"));
        continue;
      }
      try {
        result.add(new IndicatorLine(parts[0].strip(), new BigDecimal(parts[1].strip()), new BigDecimal(parts[2].strip())));
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem(field, where + ": baseline and target must be numbers"));
      }
    }
    return result;
  }

  /** A multi-select arrives as a JSON array (Spin or text); a plain string may also list items separated by commas. */
  private List<String> list(String field) {
    Object value = values.get(field);
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    if (value instanceof SpinJsonNode node) {
      return fromJson(field, node.toString());
    }
    if (value instanceof String s) {
      String text = s.strip();
      if (text.startsWith("[")) {
        return fromJson(field, text);
      }
      return Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
    problems.add(new FieldProblem(field, "must be a list"));
    return List.of();
  }

  private List<String> fromJson(String field, String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node.isArray()) {
        List<String> items = new ArrayList<>();
        node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
        return items;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    problems.add(new FieldProblem(field, "must be a list"));
    return List.of();
  }

  private static <E extends Enum<E>> String optionsOf(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
