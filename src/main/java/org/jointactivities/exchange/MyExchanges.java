package org.jointactivities.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasklist's "Information exchange" for one person: the requests they made and where each stands,
 * and the answers released to them, to read. Only answers naming them: the requester's own task shows
 * theirs too, the other recipients read theirs here.
 */
@Component
class MyExchanges {

  static final int LATEST = 50;

  /** An answer as its recipient reads it; the text is null once purged. */
  record ReceivedAnswer(String reference, String subject, String providingAgency, String preparedBy,
      Classification classification, Instant releasedAt, String answerText, String handlingInstructions, Instant purgedAt) {}

  record Mine(List<ExchangeRegister.Entry> asked, List<ReceivedAnswer> answers) {}

  private final InformationRequestRepository requests;
  private final ExchangeAnswerRepository answers;
  private final IdentityLookup identity;

  MyExchanges(InformationRequestRepository requests, ExchangeAnswerRepository answers, IdentityLookup identity) {
    this.requests = requests;
    this.answers = answers;
    this.identity = identity;
  }

  @Transactional(readOnly = true)
  Mine of(String user) {
    String id = identity.storedIdOf(user);
    List<ExchangeRegister.Entry> asked = requests.findByRequesterOrderByRequestedAtDescIdDesc(id, PageRequest.of(0, LATEST))
        .stream().map(ExchangeRegister.Entry::of).toList();
    List<ExchangeAnswer> received = answers.releasedTo(id, PageRequest.of(0, LATEST));
    Map<Long, InformationRequest> byId = requests.findAllById(received.stream().map(ExchangeAnswer::getRequestId).toList())
        .stream().collect(Collectors.toMap(InformationRequest::getId, Function.identity()));
    List<ReceivedAnswer> readable = received.stream().map(answer -> {
      InformationRequest request = byId.get(answer.getRequestId());
      return new ReceivedAnswer(request.getReference(), request.getSubject(), request.getProvidingAgency(),
          identity.nameOf(answer.getPreparedBy()), request.getClassification(), answer.getReleasedAt(),
          answer.getAnswerText(), answer.getHandlingInstructions(), answer.getPurgedAt());
    }).toList();
    return new Mine(asked, readable);
  }
}
