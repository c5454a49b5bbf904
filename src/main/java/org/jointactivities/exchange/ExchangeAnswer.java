package org.jointactivities.exchange;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The answer to an information request: its text, how to handle it and who may read it. Kept out of
 * the engine (no process or historic variable holds it), so that only AnswerAccess decides who reads it.
 */
@Entity
@Table(name = "exchange_answer")
public class ExchangeAnswer {

  @Id
  @Column(name = "request_id")
  private Long requestId;

  @Column(length = 20000)
  private String answerText;

  @Column(length = 4000)
  private String handlingInstructions;

  @Column(nullable = false, length = 64)
  private String preparedBy;

  @Column(nullable = false)
  private Instant preparedAt;

  @Column(length = 64)
  private String clearedBy;

  private Instant clearedAt;
  private Instant releasedAt;
  private Instant purgedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "exchange_answer_recipient", joinColumns = @JoinColumn(name = "request_id"))
  @Column(name = "user_id", nullable = false, length = 64)
  private Set<String> recipients = new LinkedHashSet<>();

  @Version
  private long version;

  protected ExchangeAnswer() {}

  ExchangeAnswer(Long requestId) {
    this.requestId = requestId;
  }

  /** A (new) draft: what the preparer wrote; an earlier clearance no longer holds. */
  void prepared(String text, String handling, Set<String> recipients, String by, Instant at) {
    this.answerText = text;
    this.handlingInstructions = handling;
    this.recipients.clear();
    this.recipients.addAll(recipients);
    this.preparedBy = by;
    this.preparedAt = at;
    this.clearedBy = null;
    this.clearedAt = null;
  }

  void cleared(String by, Instant at) {
    this.clearedBy = by;
    this.clearedAt = at;
  }

  void released(Instant at) {
    this.releasedAt = at;
  }

  void purged(Instant at) {
    this.answerText = null;
    this.handlingInstructions = null;
    this.purgedAt = at;
  }

  public Long getRequestId() { return requestId; }
  public String getAnswerText() { return answerText; }
  public String getHandlingInstructions() { return handlingInstructions; }
  public String getPreparedBy() { return preparedBy; }
  public Instant getPreparedAt() { return preparedAt; }
  public String getClearedBy() { return clearedBy; }
  public Instant getClearedAt() { return clearedAt; }
  public Instant getReleasedAt() { return releasedAt; }
  public Instant getPurgedAt() { return purgedAt; }
  public Set<String> getRecipients() { return Set.copyOf(recipients); }
}
