package org.jointactivities.rules;

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

/**
 * Reads a form's variables as Tasklist submits them (strings, numbers, and JSON arrays for
 * multi-selects). A value of the wrong type becomes a problem naming the field, never an
 * exception half-way through; a field left empty reads as null.
 */
public final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> values;
  private final List<FieldProblem> problems = new ArrayList<>();

  public FormFields(Map<String, Object> values) {
    this.values = values;
  }

  public List<FieldProblem> problems() {
    return List.copyOf(problems);
  }

  public void problem(String field, String rule) {
    problems.add(new FieldProblem(field, rule));
  }

  public String text(String field) {
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

  /** Text on one line (a text field such as a title): no line breaks. */
  public String line(String field) {
    String text = text(field);
    if (text != null && text.strip().codePoints().anyMatch(FormFields::breaksLine)) {
      problems.add(new FieldProblem(field, "must be on one line"));
      return null;
    }
    return text;
  }

  /** Text that must be one of the given values (a select whose options are data). */
  public String oneOf(String field, Collection<String> allowed) {
    String text = line(field);
    if (text != null && !text.isBlank() && !allowed.contains(text.strip())) {
      problems.add(new FieldProblem(field, "'" + shorten(text.strip()) + "' is not one of " + String.join(", ", allowed)));
      return null;
    }
    return text;
  }

  private static boolean breaksLine(int c) {
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  public String code(String field) {
    String text = text(field);
    return text == null ? null : text.strip().toUpperCase(Locale.ROOT);
  }

  public LocalDate date(String field) {
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

  /** A checkbox: true or false (also as text); missing counts as false. */
  public boolean yesNo(String field) {
    Object value = values.get(field);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    if (value instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.strip());
    }
    problems.add(new FieldProblem(field, "must be yes or no"));
    return false;
  }

  public BigDecimal amount(String field) {
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

  public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
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

  public <E extends Enum<E>> Set<E> enumSet(String field, Class<E> type) {
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

  public List<String> codes(String field) {
    return list(field).stream().map(code -> code.strip().toUpperCase(Locale.ROOT)).distinct().toList();
  }

  /** A multi-select's items as chosen (ids, not codes: their case is kept). */
  public List<String> items(String field) {
    return list(field).stream().map(String::strip).filter(item -> !item.isEmpty()).distinct().toList();
  }

  /** Free text with one item per line (a textarea), or a list. */
  public List<String> lines(String field) {
    Object value = values.get(field);
    List<String> lines = value instanceof String s ? s.lines().toList() : list(field);
    if (lines.stream().anyMatch(PlainText::hasControlCharacters)) {
      problems.add(new FieldProblem(field, "must not contain control characters"));
      return List.of();
    }
    return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
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

  public static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
