package org.jointactivities.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a request's audit trail: who did what, for which agency, when. Never changed, never holds an answer. */
@Entity
@Table(name = "exchange_event")
public class ExchangeEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "request_id", nullable = false)
  private Long requestId;

  @Column(nullable = false)
  private Instant occurredAt;

  /** User id, or null for a step the system took. */
  @Column(length = 64)
  private String actor;

  @Column(length = 20)
  private String agency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private ExchangeAction action;

  @Column(length = 4000)
  private String comment;

  protected ExchangeEvent() {}

  ExchangeEvent(Long requestId, Instant occurredAt, String actor, String agency, ExchangeAction action, String comment) {
    this.requestId = requestId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.agency = agency;
    this.action = action;
    this.comment = comment;
  }

  public Long getRequestId() { return requestId; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getAgency() { return agency; }
  public ExchangeAction getAction() { return action; }
  public String getComment() { return comment; }
}
