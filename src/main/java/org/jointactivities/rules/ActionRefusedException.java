package org.jointactivities.rules;

/**
 * A person tried something the rules forbid them (four-eyes, wrong agency, too low a signatory
 * level). Thrown inside the engine's transaction, so nothing of the attempt is saved, and its
 * message is what Tasklist and the REST API show.
 */
public class ActionRefusedException extends RuleViolationException {

  public ActionRefusedException(String message) {
    super(message);
  }
}
