package org.jointactivities.exchange;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.jointactivities.activity.ThematicArea;

/**
 * A request for information from one agency to another: its entry in the exchange register. What
 * was asked, why, under what terms, and how it went — never the answer (ExchangeAnswer).
 */
@Entity
@Table(name = "information_request")
public class InformationRequest {

  private static final int COLLECTION_BATCH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 20)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ExchangeState state;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = 4000)
  private String question;

  @Column(nullable = false, length = 4000)
  private String purpose;

  @Column(nullable = false)
  private LocalDate neededBy;

  @Column(length = 20)
  private String activityReference;

  @Column(nullable = false, length = 20)
  private String requestingAgency;

  @Column(nullable = false, length = 20)
  private String providingAgency;

  @Column(nullable = false, length = 64)
  private String requester;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Classification classification;

  @Column(nullable = false)
  private boolean personalData;

  @Column(length = 4000)
  private String legalBasis;

  @Column(length = 4000)
  private String protectionMeasures;

  @Column(nullable = false)
  private int clarificationRounds;

  /** Why it was declined, or why clearance was last refused. */
  @Column(length = 4000)
  private String outcomeReason;

  @Column(length = 64)
  private String processInstanceId;

  @Column(nullable = false)
  private Instant requestedAt;

  private Instant answeredAt;
  private Instant acknowledgedAt;
  private Instant closedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = COLLECTION_BATCH)
  @CollectionTable(name = "information_request_country", joinColumns = @JoinColumn(name = "request_id"))
  @Column(name = "country_code", nullable = false, length = 2)
  private Set<String> countries = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = COLLECTION_BATCH)
  @CollectionTable(name = "information_request_theme", joinColumns = @JoinColumn(name = "request_id"))
  @Column(name = "theme", nullable = false, length = 40)
  @Enumerated(EnumType.STRING)
  private Set<ThematicArea> themes = new LinkedHashSet<>();

  @Version
  private long version;

  protected InformationRequest() {}

  InformationRequest(String reference, RequestDetails details, String requestingAgency, String requester,
      String processInstanceId, Instant requestedAt) {
    this.reference = reference;
    this.state = ExchangeState.IN_TRIAGE;
    this.subject = details.subject().strip();
    this.question = details.question().strip();
    this.purpose = details.purpose().strip();
    this.neededBy = details.neededBy();
    this.activityReference = details.activityReference();
    this.requestingAgency = requestingAgency;
    this.providingAgency = details.providingAgency();
    this.requester = requester;
    this.classification = details.classification();
    this.personalData = details.personalData();
    this.legalBasis = details.legalBasis();
    this.protectionMeasures = details.protectionMeasures();
    this.countries.addAll(details.countries());
    this.themes.addAll(details.themes());
    this.processInstanceId = processInstanceId;
    this.requestedAt = requestedAt;
  }

  /** Clearance by the providing agency's data-protection focal point: for personal or strictly confidential data. */
  public boolean needsClearance() {
    return personalData || classification == Classification.STRICTLY_CONFIDENTIAL;
  }

  void moveTo(ExchangeState next) {
    this.state = next;
  }

  void clarificationAsked() {
    clarificationRounds++;
    state = ExchangeState.CLARIFICATION_ASKED;
  }

  void declined(String reason, Instant at) {
    state = ExchangeState.DECLINED;
    outcomeReason = reason;
    closedAt = at;
  }

  void clearanceRefused(String reason) {
    state = ExchangeState.ACCEPTED;
    outcomeReason = reason;
  }

  void answered(Instant at) {
    state = ExchangeState.ANSWERED;
    answeredAt = at;
  }

  void acknowledged(Instant at) {
    state = ExchangeState.ACKNOWLEDGED;
    acknowledgedAt = at;
    closedAt = at;
  }

  public Long getId() { return id; }
  public String getReference() { return reference; }
  public ExchangeState getState() { return state; }
  public String getSubject() { return subject; }
  public String getQuestion() { return question; }
  public String getPurpose() { return purpose; }
  public LocalDate getNeededBy() { return neededBy; }
  public String getActivityReference() { return activityReference; }
  public String getRequestingAgency() { return requestingAgency; }
  public String getProvidingAgency() { return providingAgency; }
  public String getRequester() { return requester; }
  public Classification getClassification() { return classification; }
  public boolean isPersonalData() { return personalData; }
  public String getLegalBasis() { return legalBasis; }
  public String getProtectionMeasures() { return protectionMeasures; }
  public int getClarificationRounds() { return clarificationRounds; }
  public String getOutcomeReason() { return outcomeReason; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getRequestedAt() { return requestedAt; }
  public Instant getAnsweredAt() { return answeredAt; }
  public Instant getAcknowledgedAt() { return acknowledgedAt; }
  public Instant getClosedAt() { return closedAt; }
  public Set<String> getCountries() { return Set.copyOf(countries); }
  public Set<ThematicArea> getThemes() { return Set.copyOf(themes); }
}
