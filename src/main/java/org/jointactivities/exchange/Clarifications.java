package org.jointactivities.exchange;

import java.util.List;
import java.util.stream.Collectors;
import org.jointactivities.identity.IdentityLookup;

/** The clarification rounds of a request as one text, oldest first: what triage and the requester read. */
final class Clarifications {

  private Clarifications() {}

  static String of(List<ExchangeEvent> trail, IdentityLookup identity) {
    return trail.stream()
        .filter(e -> e.getAction() == ExchangeAction.CLARIFICATION_ASKED || e.getAction() == ExchangeAction.CLARIFIED)
        .map(e -> (e.getAction() == ExchangeAction.CLARIFICATION_ASKED ? "Asked by " : "Answered by ")
            + identity.nameOf(e.getActor()) + " (" + e.getAgency() + "), " + e.getOccurredAt().toString().substring(0, 10)
            + ":\n" + e.getComment())
        .collect(Collectors.joining("\n\n"));
  }

  /** The focal points' last question. */
  static String lastQuestion(List<ExchangeEvent> trail) {
    return trail.stream().filter(e -> e.getAction() == ExchangeAction.CLARIFICATION_ASKED)
        .reduce((first, second) -> second).map(ExchangeEvent::getComment).orElse("");
  }
}
