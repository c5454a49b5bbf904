package org.jointactivities.activity;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** A joint activity in the registry: its agreed details and where it stands in its lifecycle. */
@Entity
@Table(name = "joint_activity")
public class JointActivity {

  /**
   * A list of activities loads each collection for up to this many activities in one statement,
   * not one statement per activity (the portfolio's pages and exports; see portfolio/ActivityPages).
   */
  public static final int COLLECTION_BATCH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 20)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ActivityState state;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 4000)
  private String summary;

  @Column(nullable = false, length = 4000)
  private String objectives;

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = COLLECTION_BATCH)
  @CollectionTable(name = "activity_theme", joinColumns = @JoinColumn(name = "activity_id"))
  @Column(name = "theme", nullable = false, length = 40)
  @Enumerated(EnumType.STRING)
  private Set<ThematicArea> thematicAreas = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = COLLECTION_BATCH)
  @CollectionTable(name = "activity_marker", joinColumns = @JoinColumn(name = "activity_id"))
  @Column(name = "marker", nullable = false, length = 40)
  @Enumerated(EnumType.STRING)
  private Set<CrossCuttingMarker> markers = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = COLLECTION_BATCH)
  @CollectionTable(name = "activity_country", joinColumns = @JoinColumn(name = "activity_id"))
  @Column(name = "country_code", nullable = false, length = 2)
  private Set<String> countries = new LinkedHashSet<>();

  @Column(nullable = false, length = 100)
  private String region;

  @Column(nullable = false, length = 20)
  private String leadAgency;

  @Column(nullable = false, length = 20)
  private String partnerAgency;

  @Column(nullable = false, length = 64)
  private String leadFocalPoint;

  @Column(nullable = false, length = 64)
  private String partnerFocalPoint;

  @Column(nullable = false)
  private LocalDate plannedStartDate;

  @Column(nullable = false)
  private LocalDate plannedEndDate;

  @Column(nullable = false, precision = 15, scale = 2)
  private BigDecimal totalBudget;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 15, scale = 2)
  private BigDecimal leadContribution;

  @Column(nullable = false, precision = 15, scale = 2)
  private BigDecimal partnerContribution;

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = COLLECTION_BATCH)
  @CollectionTable(name = "activity_deliverable", joinColumns = @JoinColumn(name = "activity_id"))
  @OrderColumn(name = "position")
  @Column(name = "description", nullable = false, length = 500)
  private List<String> deliverables = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = COLLECTION_BATCH)
  @CollectionTable(name = "activity_indicator", joinColumns = @JoinColumn(name = "activity_id"))
  @OrderColumn(name = "position")
  private List<Indicator> indicators = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReportingFrequency reportingFrequency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private CorruptionRisk corruptionRisk;

  @Column(length = 4000)
  private String riskMitigation;

  /** The officer who drafted the proposal. */
  @Column(nullable = false, length = 64)
  private String proposer;

  /** How many times the proposal was revised after a request for changes. */
  @Column(nullable = false)
  private int revisionRound;

  @Column(length = 64)
  private String processInstanceId;

  @Column(nullable = false)
  private Instant submittedAt;

  private Instant signedAt;

  private Instant activatedAt;

  /** When the activity was suspended; empty while it runs. */
  private Instant suspendedAt;

  /** When it was closed or terminated. */
  private Instant endedAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected JointActivity() {}

  JointActivity(String reference, ActivityDetails details, String proposer, Instant now) {
    this.reference = reference;
    this.proposer = proposer;
    this.state = ActivityState.DRAFT;
    this.submittedAt = now;
    this.updatedAt = now;
    apply(details);
  }

  /** Replaces the agreed details (on revision and, later, amendment). */
  void apply(ActivityDetails details) {
    title = details.title().strip();
    summary = details.summary().strip();
    objectives = details.objectives().strip();
    thematicAreas = new LinkedHashSet<>(details.thematicAreas());
    markers = new LinkedHashSet<>(details.markers());
    countries = new LinkedHashSet<>(details.countries());
    region = details.region().strip();
    leadAgency = details.leadAgency();
    partnerAgency = details.partnerAgency();
    leadFocalPoint = details.leadFocalPoint().strip();
    partnerFocalPoint = details.partnerFocalPoint().strip();
    plannedStartDate = details.plannedStartDate();
    plannedEndDate = details.plannedEndDate();
    totalBudget = details.totalBudget();
    currency = details.currency();
    leadContribution = details.leadContribution();
    partnerContribution = details.partnerContribution();
    deliverables = new ArrayList<>(details.deliverables().stream().map(String::strip).toList());
    indicators = new ArrayList<>(details.indicators().stream()
        .map(line -> new Indicator(line.name().strip(), line.baseline(), line.target())).toList());
    reportingFrequency = details.reportingFrequency();
    corruptionRisk = details.corruptionRisk();
    riskMitigation = details.riskMitigation() == null || details.riskMitigation().isBlank()
        ? null : details.riskMitigation().strip();
  }

  void moveTo(ActivityState next, Instant now) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(
          "Activity " + reference + " cannot move from " + state + " to " + next);
    }
    state = next;
    updatedAt = now;
    switch (next) {
      case SIGNED -> signedAt = now;
      case ACTIVE -> {
        activatedAt = activatedAt == null ? now : activatedAt;
        suspendedAt = null;
      }
      case SUSPENDED -> suspendedAt = now;
      case FINAL_REPORTING -> suspendedAt = null;
      case CLOSED, TERMINATED -> endedAt = now;
      default -> { }
    }
  }

  /** Applies a signed amendment: each value given replaces the agreed one. */
  void amend(ActivityChanges changes, Instant now) {
    if (changes.startDate() != null) {
      plannedStartDate = changes.startDate();
    }
    if (changes.endDate() != null) {
      plannedEndDate = changes.endDate();
    }
    if (changes.totalBudget() != null) {
      totalBudget = changes.totalBudget();
      leadContribution = changes.leadContribution();
      partnerContribution = changes.partnerContribution();
    }
    if (changes.objectives() != null) {
      objectives = changes.objectives();
    }
    if (changes.deliverables() != null) {
      deliverables = new ArrayList<>(changes.deliverables());
    }
    updatedAt = now;
  }

  void countRevision(Instant now) {
    revisionRound++;
    updatedAt = now;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** Both agencies of the activity, lead first. */
  public List<String> agencies() {
    return List.of(leadAgency, partnerAgency);
  }

  public Long getId() { return id; }
  public String getReference() { return reference; }
  public ActivityState getState() { return state; }
  public String getTitle() { return title; }
  public String getSummary() { return summary; }
  public String getObjectives() { return objectives; }
  public Set<ThematicArea> getThematicAreas() { return Set.copyOf(thematicAreas); }
  public Set<CrossCuttingMarker> getMarkers() { return Set.copyOf(markers); }
  public Set<String> getCountries() { return new LinkedHashSet<>(countries); }
  public String getRegion() { return region; }
  public String getLeadAgency() { return leadAgency; }
  public String getPartnerAgency() { return partnerAgency; }
  public String getLeadFocalPoint() { return leadFocalPoint; }
  public String getPartnerFocalPoint() { return partnerFocalPoint; }
  public LocalDate getPlannedStartDate() { return plannedStartDate; }
  public LocalDate getPlannedEndDate() { return plannedEndDate; }
  public BigDecimal getTotalBudget() { return totalBudget; }
  public String getCurrency() { return currency; }
  public BigDecimal getLeadContribution() { return leadContribution; }
  public BigDecimal getPartnerContribution() { return partnerContribution; }
  public List<String> getDeliverables() { return List.copyOf(deliverables); }
  public List<Indicator> getIndicators() { return List.copyOf(indicators); }
  public ReportingFrequency getReportingFrequency() { return reportingFrequency; }
  public CorruptionRisk getCorruptionRisk() { return corruptionRisk; }
  public String getRiskMitigation() { return riskMitigation; }
  public String getProposer() { return proposer; }
  public int getRevisionRound() { return revisionRound; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getSubmittedAt() { return submittedAt; }
  public Instant getSignedAt() { return signedAt; }
  public Instant getActivatedAt() { return activatedAt; }
  public Instant getSuspendedAt() { return suspendedAt; }
  public Instant getEndedAt() { return endedAt; }
  public Instant getUpdatedAt() { return updatedAt; }
}
