package org.jointactivities.rules;

/** A rule a field breaks, phrased for the person who filled it in. */
public record FieldProblem(String field, String rule) {

  @Override
  public String toString() {
    return field + ": " + rule;
  }
}
