package org.jointactivities.rules;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that breaks a rule. Thrown inside the engine's transaction, so nothing of it is saved;
 * the message names every field and rule, and is what Tasklist and the REST API show. A form
 * validation error to the engine, so its REST API answers 400 Bad Request rather than 500.
 */
public class InvalidInputException extends FormFieldValidationException implements RuleViolation {

  /** Request attribute: the refusal of the web request being answered, if there was one. */
  public static final String REQUEST_ATTRIBUTE = InvalidInputException.class.getName();

  private final String what;
  private final List<FieldProblem> problems;

  public InvalidInputException(String what, List<FieldProblem> problems) {
    super(what, message(what, problems, UnaryOperator.identity()));
    this.what = what;
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String what, String field, String rule) {
    this(what, List.of(new FieldProblem(field, rule)));
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }

  /** The message with each field named as its form labels it, as the person who filled it in reads it. */
  public String messageNaming(UnaryOperator<String> label) {
    return message(what, problems, label);
  }

  private static String message(String what, List<FieldProblem> problems, UnaryOperator<String> label) {
    return what + " refused: " + problems.stream().map(p -> label.apply(p.field()) + ": " + p.rule())
        .collect(Collectors.joining("; "));
  }
}
