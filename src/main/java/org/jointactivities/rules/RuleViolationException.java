package org.jointactivities.rules;

import org.camunda.bpm.engine.ProcessEngineException;

/** A business rule refused what someone tried; its message says which rule, for the person who tried. */
public abstract class RuleViolationException extends ProcessEngineException {

  protected RuleViolationException(String message) {
    super(message);
  }
}
