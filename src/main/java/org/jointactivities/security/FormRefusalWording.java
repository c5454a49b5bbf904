package org.jointactivities.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's APIs prefix a form's refusal with engine ids ("Cannot instantiate process definition
 * JointActivityProposal:1:…: Proposal refused: totalBudget: …"), through the REST API as through
 * the webapps' own. When our rule refused a submission, its answer is the rule alone, each field
 * named by its label on the submitted form, and the problems one by one ({@code field},
 * {@code label}, {@code rule}) so that Tasklist's plugin marks each field. Any other answer goes out
 * as the engine gave it.
 */
final class FormRefusalWording {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormRefusalWording() {}

  static void submit(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      DeployedFormFields.Fields form) throws IOException, ServletException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    if (answer.getStatus() == HttpServletResponse.SC_BAD_REQUEST
        && request.getAttribute(InvalidInputException.REQUEST_ATTRIBUTE) instanceof InvalidInputException rule) {
      answer.resetBuffer();
      answer.setContentType("application/json");
      JSON.writeValue(answer.getOutputStream(), body(rule, form));
    }
    answer.copyBodyToResponse();
  }

  /** A field refused before the form's rules are asked, answered in the same shape as their refusals. */
  static void refuse(HttpServletResponse response, DeployedFormFields.Fields form, String field, String rule)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", InvalidInputException.class.getSimpleName());
    body.put("message", form.label(field) + ": " + rule);
    body.put("problems", List.of(problem(field, rule, form)));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    JSON.writeValue(response.getOutputStream(), body);
  }

  /** One field's problem as Tasklist's plugin reads it to mark the field. */
  private static Map<String, String> problem(String field, String rule, DeployedFormFields.Fields form) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("field", field);
    entry.put("label", form.label(field));
    entry.put("rule", rule);
    return entry;
  }

  private static Map<String, Object> body(InvalidInputException rule, DeployedFormFields.Fields form) {
    List<Map<String, String>> problems = rule.getProblems().stream()
        .map(problem -> problem(problem.field(), problem.rule(), form)).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", rule.getClass().getSimpleName());
    body.put("message", rule.messageNaming(form::label));
    body.put("problems", problems);
    return body;
  }
}
