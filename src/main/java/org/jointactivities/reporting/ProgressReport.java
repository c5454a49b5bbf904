package org.jointactivities.reporting;

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
import java.util.List;
import org.jointactivities.rules.ActionRefusedException;

/** The progress report of one reporting period of an activity; locked once both agencies accept it. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long activityId;

  @Column(nullable = false)
  private int periodNumber;

  @Column(nullable = false)
  private LocalDate periodStart;

  @Column(nullable = false)
  private LocalDate periodEnd;

  @Column(nullable = false)
  private boolean finalReport;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReportStatus status;

  @Column(nullable = false)
  private Instant dueAt;

  @Column(length = 8000)
  private String narrative;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "progress_report_indicator", joinColumns = @JoinColumn(name = "report_id"))
  @OrderColumn(name = "position")
  private List<IndicatorProgress> indicators = new ArrayList<>();

  @Column(precision = 15, scale = 2)
  private BigDecimal leadExpenditure;

  @Column(precision = 15, scale = 2)
  private BigDecimal partnerExpenditure;

  @Column(length = 4000)
  private String risks;

  @Column(length = 4000)
  private String integrityConcerns;

  @Column(length = 64)
  private String submittedBy;

  private Instant submittedAt;

  /** How often it was submitted: 1 at first, one more after each send-back. */
  @Column(nullable = false)
  private int submissions;

  private Instant acceptedAt;

  @Version
  private long version;

  protected ProgressReport() {}

  ProgressReport(Long activityId, ReportingPeriod period, Instant dueAt) {
    this.activityId = activityId;
    this.periodNumber = period.number();
    this.periodStart = period.start();
    this.periodEnd = period.end();
    this.finalReport = period.last();
    this.dueAt = dueAt;
    this.status = ReportStatus.DUE;
  }

  void submit(ReportContent content, String officer, Instant now) {
    checkNotLocked();
    narrative = content.narrative();
    indicators = new ArrayList<>(content.indicators());
    leadExpenditure = content.leadExpenditure();
    partnerExpenditure = content.partnerExpenditure();
    risks = content.risks();
    integrityConcerns = content.integrityConcerns();
    submittedBy = officer;
    submittedAt = now;
    submissions++;
    status = ReportStatus.SUBMITTED;
  }

  void sendBack(Instant revisionDue) {
    checkNotLocked();
    status = ReportStatus.SENT_BACK;
    dueAt = revisionDue;
  }

  void accept(Instant now) {
    checkNotLocked();
    status = ReportStatus.ACCEPTED;
    acceptedAt = now;
  }

  void cancel() {
    checkNotLocked();
    status = ReportStatus.CANCELLED;
  }

  void postpone(Instant newDue) {
    dueAt = newDue;
  }

  private void checkNotLocked() {
    if (status == ReportStatus.ACCEPTED) {
      throw new ActionRefusedException("The report for period " + periodNumber + " (" + periodStart + " to " + periodEnd
          + ") was accepted by both agencies and is locked");
    }
  }

  public Long getId() { return id; }
  public Long getActivityId() { return activityId; }
  public int getPeriodNumber() { return periodNumber; }
  public LocalDate getPeriodStart() { return periodStart; }
  public LocalDate getPeriodEnd() { return periodEnd; }
  public boolean isFinalReport() { return finalReport; }
  public ReportStatus getStatus() { return status; }
  public Instant getDueAt() { return dueAt; }
  public String getNarrative() { return narrative; }
  public List<IndicatorProgress> getIndicators() { return List.copyOf(indicators); }
  public BigDecimal getLeadExpenditure() { return leadExpenditure; }
  public BigDecimal getPartnerExpenditure() { return partnerExpenditure; }
  public String getRisks() { return risks; }
  public String getIntegrityConcerns() { return integrityConcerns; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getSubmittedAt() { return submittedAt; }
  public int getSubmissions() { return submissions; }
  public Instant getAcceptedAt() { return acceptedAt; }
}
