package org.jointactivities.rules;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A person tried something the rules forbid them (four-eyes, wrong agency, too low a signatory
 * level). Thrown inside the engine's transaction, so nothing of the attempt is saved, and its
 * message is what Tasklist and the REST API show. An authorization failure to the engine, so its
 * REST API answers 403 Forbidden, as for any other action the person is not allowed.
 */
public class ActionRefusedException extends AuthorizationException implements RuleViolation {

  public ActionRefusedException(String message) {
    super(message);
  }
}
