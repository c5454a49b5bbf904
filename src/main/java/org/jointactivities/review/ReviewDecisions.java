package org.jointactivities.review;

import java.util.List;
import java.util.Optional;

/**
 * The decisions of one kind of review: each value the review form offers in {@code reviewDecision},
 * in the form's order, with its meaning for the round and the rule a missing {@code reviewComment}
 * breaks for it (null: the comment is optional). {@code what} names the review in refusals
 * ("Review refused: …").
 */
public record ReviewDecisions(String what, List<Option> options) {

  public static final String DECISION = "reviewDecision";
  public static final String COMMENT = "reviewComment";

  public record Option(String value, Verdict verdict, String commentRule) {}

  public ReviewDecisions(String what, Option... options) {
    this(what, List.of(options));
  }

  Optional<Option> option(String value) {
    return options.stream().filter(option -> option.value().equals(value)).findFirst();
  }

  /** e.g. "APPROVE, REQUEST_CHANGES or REJECT" */
  String choices() {
    List<String> values = options.stream().map(Option::value).toList();
    return values.size() == 1 ? values.get(0)
        : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
  }
}
