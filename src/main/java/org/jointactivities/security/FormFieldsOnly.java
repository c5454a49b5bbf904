package org.jointactivities.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.rules.PlainText;
import org.jointactivities.rules.TaskGone;

/**
 * Through the engine's API (REST and the webapps' alike) a caller sets only the fields of a form:
 * a task's submission or variable write only the fields of that task's deployed form, a process
 * start only those of its start form, and nothing else anywhere (process instances, executions,
 * messages, signals, modifications…). Everything the application keeps for itself — ids, rounds,
 * outcomes, the parties — is thereby out of reach without a list of its names. Fields a form only
 * shows are dropped from a submission (Tasklist sends them back as shown). Values must be of a
 * form's types: an {@code Object}, serialized Java or a file is refused before the engine reads it.
 * Work on a task that is no longer open is answered 404 in words. Runs after the login: a request
 * from nobody passes unread to be refused; bodies are read only up to {@link LimitedBody#ENGINE_API}.
 */
class FormFieldsOnly extends EngineWriteFilter {

  private static final Pattern TASK_WORK = Pattern.compile("/task/([^/]+)/.+");
  private static final Pattern TASK = Pattern.compile("/task/([^/]+)/(submit-form|complete|resolve|variables|localVariables)(/.*)?");
  private static final Pattern START =
      Pattern.compile("/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(submit-form|start)");
  /** What a form submits; Tasklist echoes read-only fields here, which are then dropped. */
  private static final Set<String> SUBMISSIONS = Set.of("submit-form", "complete", "resolve", "start");
  /** The REST API's value types a form produces (Tasklist sends multi-selects as Json). */
  private static final Set<String> FORM_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
      "date", "null", "json");
  /**
   * Fields whose object value maps variable names to values, recognised by name so that also e.g. a
   * message's {@code processVariablesToTriggeredScope} and what a later Camunda version adds is covered.
   */
  private static final Pattern VARIABLE_MAP = Pattern.compile("(?i).*variables.*|modifications");
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SHAPE = "The request must be a JSON object whose \"variables\" give each form field as "
      + "{\"value\": …}, as a form submits it";

  private final DeployedFormFields forms;

  FormFieldsOnly(DeployedFormFields forms, CallerOf callers) {
    super(callers);
    this.forms = forms;
  }

  @Override
  void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller,
      EnginePath engine) throws ServletException, IOException {
    byte[] body = LimitedBody.read(request, response, LimitedBody.ENGINE_API);
    if (body == null) {
      return;
    }
    Matcher work = TASK_WORK.matcher(engine.path());
    Optional<Task> task = work.matches() ? forms.openTask(decode(work.group(1))) : Optional.empty();
    if (work.matches() && task.isEmpty()) {
      // the engine would fail with 500 on some of these
      RefusalResponse.write(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException", TaskGone.MESSAGE);
      return;
    }
    JsonNode root = json(body);
    Submitted submitted = Submitted.of(root, engine.path());
    if (SUBMISSIONS.contains(String.valueOf(submitted.operation())) && !isSubmissionShaped(root)) {
      RefusalResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", SHAPE);
      return;
    }
    if (submitted.isEmpty()) {
      Optional<DeployedFormFields.Fields> form = SUBMISSIONS.contains(String.valueOf(submitted.operation()))
          ? formOf(engine.path(), task) : Optional.empty();
      if (form.isPresent()) {
        FormRefusalWording.submit(new ReplayedBody(request, body), response, chain, form.get()); // e.g. a decision left out
      } else {
        chain.doFilter(new ReplayedBody(request, body), response);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> variable : submitted.values()) {
      String wrongType = wrongType(variable.getValue());
      if (wrongType != null) {
        refuse(request, response, caller, variable.getKey(), "Variable '" + variable.getKey() + "' " + wrongType
            + ": through the API a variable is text, a number, yes/no, a date or a JSON list, as a form sends it");
        return;
      }
    }
    Optional<DeployedFormFields.Fields> form = formOf(engine.path(), task);
    if (form.isEmpty()) {
      chain.doFilter(new ReplayedBody(request, body), response); // no such task or process: the engine says so
      return;
    }
    DeployedFormFields.Fields fields = form.get();
    for (Map.Entry<String, JsonNode> variable : submitted.values()) {
      JsonNode value = variable.getValue().path("value");
      if ("json".equalsIgnoreCase(variable.getValue().path("type").asText()) && value.isTextual() && !parses(value.asText())) {
        // the engine would fail reading it, as a server error naming its JSON library
        FormRefusalWording.refuse(response, fields, variable.getKey(), "is not valid JSON (a list is sent as [\"…\", …])");
        return;
      }
    }
    boolean submission = submitted.operation() != null && SUBMISSIONS.contains(submitted.operation());
    List<String> shownOnly = new ArrayList<>();
    for (String name : submitted.deletions()) {
      refuse(request, response, caller, name, "Variable '" + name + "' cannot be deleted through the API");
      return;
    }
    for (String name : submitted.names()) {
      if (fields.editable().contains(name)) {
        continue;
      }
      if (submission && fields.readOnly().contains(name) && submitted.onlyInSubmission(name)) {
        shownOnly.add(name);
        continue;
      }
      refuse(request, response, caller, name, refusal(name, fields));
      return;
    }
    if (!shownOnly.isEmpty()) {
      ObjectNode variables = (ObjectNode) root.path("variables");
      shownOnly.forEach(variables::remove);
      body = JSON.writeValueAsBytes(root);
    }
    if (submission) {
      FormRefusalWording.submit(new ReplayedBody(request, body), response, chain, fields); // refusals in the form's words
    } else {
      chain.doFilter(new ReplayedBody(request, body), response);
    }
  }

  /** The form a write is judged by: the task's (known open), a start event's, or none. */
  private Optional<DeployedFormFields.Fields> formOf(String path, Optional<Task> task) {
    if (TASK.matcher(path).matches()) {
      return task.map(forms::ofTask);
    }
    Matcher start = START.matcher(path);
    if (start.matches()) {
      return start.group(3) != null ? forms.ofStart(decode(start.group(3)), null, null)
          : forms.ofStart(null, decode(start.group(1)), start.group(2) == null ? null : decode(start.group(2)));
    }
    return Optional.of(DeployedFormFields.Fields.NONE);
  }

  private static String refusal(String name, DeployedFormFields.Fields fields) {
    if (fields.form() == null) {
      return "Variable '" + name + "' cannot be set, changed or deleted through the API here: only the fields of a "
          + "task's or a start event's form can be submitted";
    }
    if (fields.readOnly().contains(name)) {
      return "Variable '" + name + "' is shown read-only in " + fields.form() + " and cannot be set through the API";
    }
    return "Variable '" + name + "' is not a field of " + fields.form()
        + " and cannot be set through the API: only the form's own fields can";
  }

  /** Why a submitted value is not what a form sends, or null when it is. */
  private static String wrongType(JsonNode variable) {
    if (!variable.isObject()) {
      return "is not given as {\"value\": …, \"type\": …}";
    }
    JsonNode type = variable.path("type");
    JsonNode info = variable.path("valueInfo");
    if (!type.isMissingNode() && !type.isNull()
        && !FORM_TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
      return "has the type '" + type.asText() + "'";
    }
    if (info.has("objectTypeName") || info.has("serializationDataFormat")) {
      return "names a Java class or serialization format";
    }
    JsonNode value = variable.path("value");
    if ((type.isMissingNode() || type.isNull()) && value.isContainerNode()) {
      return "is an object without a type (the engine would store it as a Java object)";
    }
    return null;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String caller, String name,
      String message) throws IOException {
    SecurityAudit.AUDIT.warn("Refused: {} tried to set the protected variable '{}' via {} {}", PlainText.forLog(caller),
        PlainText.forLog(name), request.getMethod(), PlainText.forLog(request.getRequestURI()));
    RefusalResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
  }

  /** An object whose variables, if given, map names to values (an unreadable body is the API's to answer). */
  private static boolean isSubmissionShaped(JsonNode root) {
    JsonNode variables = root.path("variables");
    return root.isMissingNode() || root.isObject() && (variables.isMissingNode() || variables.isNull() || variables.isObject());
  }

  private static boolean parses(String json) {
    try {
      JSON.readTree(json);
      return true;
    } catch (IOException notJson) {
      return false;
    }
  }

  private static JsonNode json(byte[] body) {
    if (body.length == 0) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.missingNode(); // not ours to judge: the API answers malformed JSON with its own error
    }
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }

  /**
   * The variables a request names: in its path ({@code …/variables/{name}}, whose body is then the
   * value) and in its body's variable maps; {@code submitted} are those of a submission's own
   * {@code variables}, the only ones read-only fields may be dropped from.
   */
  private record Submitted(String operation, List<String> pathNames, List<Map.Entry<String, JsonNode>> values,
      Set<String> submitted, List<String> deletions) {

    static Submitted of(JsonNode root, String path) {
      String[] segments = path.split("/");
      List<String> pathNames = new ArrayList<>();
      List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
      for (int i = 0; i < segments.length - 1; i++) {
        if (segments[i].equals("variables") || segments[i].equals("localVariables")) {
          String name = decode(segments[i + 1]);
          pathNames.add(name);
          // …/variables/{name}/data uploads bytes or a file, which no form holds
          values.add(Map.entry(name, path.endsWith("/data") ? JSON.createObjectNode().put("type", "File") : root));
        }
      }
      Matcher task = TASK.matcher(path);
      Matcher start = START.matcher(path);
      String operation = task.matches() ? task.group(2) : start.matches() ? start.group(4) : null;
      List<String> deletions = new ArrayList<>();
      Set<String> submitted = new HashSet<>();
      if (pathNames.isEmpty()) {
        root.path("variables").fieldNames().forEachRemaining(submitted::add);
        collect(root, values, deletions);
      }
      return new Submitted(operation, pathNames, values, submitted, deletions);
    }

    private static void collect(JsonNode node, List<Map.Entry<String, JsonNode>> values, List<String> deletions) {
      if (node.isArray()) {
        node.forEach(item -> collect(item, values, deletions));
        return;
      }
      node.fields().forEachRemaining(field -> {
        if (VARIABLE_MAP.matcher(field.getKey()).matches() && field.getValue().isObject()) {
          field.getValue().fields().forEachRemaining(values::add);
        } else if (field.getKey().equals("deletions") && field.getValue().isArray()) {
          field.getValue().forEach(name -> deletions.add(name.asText()));
        } else if (field.getValue().isContainerNode()) {
          collect(field.getValue(), values, deletions);
        }
      });
    }

    boolean isEmpty() {
      return values.isEmpty() && deletions.isEmpty();
    }

    List<String> names() {
      return values.stream().map(Map.Entry::getKey).toList();
    }

    /** Named only once, in the submission's own variables (so that dropping it there drops it). */
    boolean onlyInSubmission(String name) {
      return submitted.contains(name) && names().stream().filter(name::equals).count() == 1;
    }
  }
}
