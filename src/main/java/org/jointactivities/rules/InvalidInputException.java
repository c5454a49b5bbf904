package org.jointactivities.rules;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that breaks a rule. Thrown inside the engine's transaction, so nothing of it is saved;
 * the message names every field and rule, and is what Tasklist and the REST API show. A form
 * validation error to the engine, so its REST API answers 400 Bad Request rather than 500.
 */
public class InvalidInputException extends FormFieldValidationException implements RuleViolation {

  private final List<FieldProblem> problems;

  public InvalidInputException(String what, List<FieldProblem> problems) {
    super(what, what + " refused: " + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String what, String field, String rule) {
    this(what, List.of(new FieldProblem(field, rule)));
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }
}
