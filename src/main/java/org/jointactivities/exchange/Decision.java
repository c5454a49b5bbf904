package org.jointactivities.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jointactivities.rules.InvalidInputException;

/** A task's choice field: one of its options, named in the refusal when it is missing or unknown. */
final class Decision {

  private Decision() {}

  static String of(DelegateTask task, String what, String field, String... options) {
    Object value = task.getVariable(field);
    String choices = Arrays.stream(options).collect(Collectors.joining(", "));
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(what, field, "is required: " + choices);
    }
    String chosen = value.toString().strip();
    if (!List.of(options).contains(chosen)) {
      throw new InvalidInputException(what, field, "must be " + choices);
    }
    return chosen;
  }
}
