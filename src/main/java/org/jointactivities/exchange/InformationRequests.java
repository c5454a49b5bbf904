package org.jointactivities.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ReferenceNumbers;
import org.jointactivities.agency.Agency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange register and the steps of a request through it: each step changes the request's
 * state and writes a line of its audit trail, in the engine's transaction (a refused step leaves
 * no trace). The answer is kept beside the register, never in it.
 */
@Component
@Transactional
public class InformationRequests {

  static final String SERIES = "IX";

  private final InformationRequestRepository requests;
  private final ExchangeAnswerRepository answers;
  private final ExchangeEventRepository events;
  private final ReferenceNumbers referenceNumbers;
  private final ApplicationEventPublisher announcements;

  InformationRequests(InformationRequestRepository requests, ExchangeAnswerRepository answers,
      ExchangeEventRepository events, ReferenceNumbers referenceNumbers, ApplicationEventPublisher announcements) {
    this.announcements = announcements;
    this.requests = requests;
    this.answers = answers;
    this.events = events;
    this.referenceNumbers = referenceNumbers;
  }

  InformationRequest register(RequestDetails details, Agency requesting, String requester, String processInstanceId) {
    Instant now = now();
    String reference = referenceNumbers.next(SERIES, now.atZone(ZoneOffset.UTC).getYear());
    InformationRequest request = requests.save(
        new InformationRequest(reference, details, requesting.code(), requester, processInstanceId, now));
    record(request, requester, requesting.code(), ExchangeAction.REQUESTED, null);
    return request;
  }

  @Transactional(readOnly = true)
  public InformationRequest get(long id) {
    return requests.findById(id).orElseThrow(() -> new NoSuchElementException("No information request " + id));
  }

  @Transactional(readOnly = true)
  public Optional<InformationRequest> find(String reference) {
    return requests.findByReference(reference);
  }

  @Transactional(readOnly = true)
  public Optional<ExchangeAnswer> answerOf(long requestId) {
    return answers.findById(requestId);
  }

  @Transactional(readOnly = true)
  public List<ExchangeEvent> trail(long requestId) {
    return events.findByRequestIdOrderByIdAsc(requestId);
  }

  void askClarification(InformationRequest request, String focalPoint, String question) {
    request.clarificationAsked();
    record(request, focalPoint, request.getProvidingAgency(), ExchangeAction.CLARIFICATION_ASKED, question);
  }

  void clarified(InformationRequest request, String requester, String clarification) {
    request.moveTo(ExchangeState.IN_TRIAGE);
    record(request, requester, request.getRequestingAgency(), ExchangeAction.CLARIFIED, clarification);
  }

  void accept(InformationRequest request, String focalPoint, String comment) {
    request.moveTo(ExchangeState.ACCEPTED);
    record(request, focalPoint, request.getProvidingAgency(), ExchangeAction.ACCEPTED, comment);
  }

  void decline(InformationRequest request, String focalPoint, String reason) {
    request.declined(reason, now());
    record(request, focalPoint, request.getProvidingAgency(), ExchangeAction.DECLINED, reason);
  }

  /** The answer as its preparer wrote it; with clearance needed it waits for it, else it is ready for release. */
  void prepare(InformationRequest request, String preparer, String text, String handling, Set<String> recipients) {
    ExchangeAnswer answer = answers.findById(request.getId()).orElseGet(() -> new ExchangeAnswer(request.getId()));
    answer.prepared(text, handling, recipients, preparer, now());
    answers.save(answer);
    if (request.needsClearance()) {
      request.moveTo(ExchangeState.IN_CLEARANCE);
    }
    record(request, preparer, request.getProvidingAgency(), ExchangeAction.ANSWER_PREPARED, null);
  }

  void clear(InformationRequest request, String dataProtection, String comment) {
    ExchangeAnswer answer = answers.findById(request.getId()).orElseThrow();
    answer.cleared(dataProtection, now());
    answers.save(answer);
    record(request, dataProtection, request.getProvidingAgency(), ExchangeAction.CLEARED, comment);
  }

  void refuseClearance(InformationRequest request, String dataProtection, String reason) {
    request.clearanceRefused(reason);
    record(request, dataProtection, request.getProvidingAgency(), ExchangeAction.CLEARANCE_REFUSED, reason);
  }

  void release(InformationRequest request) {
    Instant now = now();
    ExchangeAnswer answer = answers.findById(request.getId()).orElseThrow();
    answer.released(now);
    answers.save(answer);
    request.answered(now);
    record(request, null, request.getProvidingAgency(), ExchangeAction.RELEASED, null);
  }

  void acknowledge(InformationRequest request, String requester) {
    request.acknowledged(now());
    record(request, requester, request.getRequestingAgency(), ExchangeAction.ACKNOWLEDGED, null);
  }

  void purge(ExchangeAnswer answer, String why) {
    answer.purged(now());
    answers.save(answer);
    events.save(new ExchangeEvent(answer.getRequestId(), now(), null, null, ExchangeAction.ANSWER_PURGED, why));
  }

  /** Saves the request as the step left it, writes the step's line and announces it (ExchangeStateChanged). */
  void record(InformationRequest request, String actor, String agency, ExchangeAction action, String comment) {
    requests.save(request);
    events.save(new ExchangeEvent(request.getId(), now(), actor, agency, action, comment));
    Optional<ExchangeAnswer> answer = answers.findById(request.getId());
    announcements.publishEvent(new ExchangeStateChanged(request, action, actor, comment,
        answer.map(ExchangeAnswer::getRecipients).orElse(Set.of()), answer.map(ExchangeAnswer::getPreparedBy).orElse(null)));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
