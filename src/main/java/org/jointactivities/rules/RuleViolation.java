package org.jointactivities.rules;

/**
 * A business rule refused what someone tried; the exception's message says which rule, for the
 * person who tried. Implemented by exceptions whose engine base class tells the Camunda REST API
 * how to answer: {@link InvalidInputException} 400, {@link ActionRefusedException} 403.
 */
public interface RuleViolation {

  String getMessage();
}
