package org.jointactivities.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.document.Documents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges the text and documents of answers with personal data once the retention period after their
 * acknowledgment has passed (ExchangeProperties); the register entry stays, with an audit line
 * saying when the answer was purged. Idempotent, so any node may run it.
 */
@Component
class AnswerRetention {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerRetention.class);

  private final ExchangeAnswerRepository answers;
  private final InformationRequests requests;
  private final ExchangeProperties properties;
  private final Documents documents;

  AnswerRetention(ExchangeAnswerRepository answers, InformationRequests requests, ExchangeProperties properties,
      Documents documents) {
    this.documents = documents;
    this.answers = answers;
    this.requests = requests;
    this.properties = properties;
  }

  /** @return how many answers were purged */
  @Scheduled(fixedDelayString = "${joint-activities.exchange.retention-scan-interval:PT1H}",
      initialDelayString = "${joint-activities.exchange.retention-scan-interval:PT1H}")
  @Transactional
  public int purgeExpired() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant before = now.atZone(ZoneOffset.UTC).minus(properties.personalDataRetention()).toInstant();
    int purged = 0;
    for (ExchangeAnswer answer : answers.personalAcknowledgedBefore(before)) {
      int removed = documents.purgeOfRequest(answer.getRequestId());
      requests.purge(answer, "personal data kept " + properties.personalDataRetention() + " after acknowledgment"
          + (removed == 0 ? "" : "; " + removed + " document(s) removed"));
      purged++;
    }
    if (purged > 0) {
      LOG.info("Purged {} answer(s) with personal data past their retention period", purged);
    }
    return purged;
  }
}
