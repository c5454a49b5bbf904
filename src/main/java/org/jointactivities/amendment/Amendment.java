package org.jointactivities.amendment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jointactivities.activity.ActivityChanges;
import org.jointactivities.activity.JointActivity;

/**
 * A requested change of an activity's dates, budget or scope (PRODUCT.md §4). Keeps what it
 * asked for and, once applied, the values it replaced: the history of the activity's terms.
 */
@Entity
@Table(name = "amendment")
public class Amendment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long activityId;

  @Column(name = "amendment_number", nullable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AmendmentStatus status;

  /** The activity's id while open: a unique column, so the database allows one open amendment per activity. */
  private Long openForActivity;

  @Column(nullable = false, length = 64)
  private String requestedBy;

  /** The agency the requester acts for. */
  @Column(nullable = false, length = 20)
  private String requestedFor;

  @Column(nullable = false)
  private Instant requestedAt;

  @Column(nullable = false, length = 4000)
  private String justification;

  @Column(length = 64)
  private String processInstanceId;

  private LocalDate newStartDate;
  private LocalDate newEndDate;
  @Column(precision = 15, scale = 2) private BigDecimal newTotalBudget;
  @Column(precision = 15, scale = 2) private BigDecimal newLeadContribution;
  @Column(precision = 15, scale = 2) private BigDecimal newPartnerContribution;
  @Column(length = 4000) private String newObjectives;
  @Column(length = 26000) private String newDeliverables;

  private LocalDate previousStartDate;
  private LocalDate previousEndDate;
  @Column(precision = 15, scale = 2) private BigDecimal previousTotalBudget;
  @Column(precision = 15, scale = 2) private BigDecimal previousLeadContribution;
  @Column(precision = 15, scale = 2) private BigDecimal previousPartnerContribution;
  @Column(length = 4000) private String previousObjectives;
  @Column(length = 26000) private String previousDeliverables;

  private Instant decidedAt;

  @Version
  private long version;

  protected Amendment() {}

  Amendment(JointActivity activity, int number, String requestedBy, String requestedFor, String justification,
      ActivityChanges changes, String processInstanceId, Instant now) {
    this.activityId = activity.getId();
    this.number = number;
    this.status = AmendmentStatus.IN_REVIEW;
    this.openForActivity = activity.getId();
    this.requestedBy = requestedBy;
    this.requestedFor = requestedFor;
    this.requestedAt = now;
    this.justification = justification;
    this.processInstanceId = processInstanceId;
    newStartDate = changes.startDate();
    newEndDate = changes.endDate();
    newTotalBudget = changes.totalBudget();
    newLeadContribution = changes.leadContribution();
    newPartnerContribution = changes.partnerContribution();
    newObjectives = changes.objectives();
    newDeliverables = changes.deliverables() == null ? null : String.join("\n", changes.deliverables());
  }

  ActivityChanges changes() {
    return new ActivityChanges(newStartDate, newEndDate, newTotalBudget, newLeadContribution, newPartnerContribution,
        newObjectives, newDeliverables == null ? null : List.of(newDeliverables.split("\n")));
  }

  void awaitSignature() {
    status = AmendmentStatus.AWAITING_SIGNATURE;
  }

  void backToReview() {
    status = AmendmentStatus.IN_REVIEW;
  }

  /** Keeps the terms the amendment replaces, then closes it as applied. */
  void applied(JointActivity before, Instant now) {
    previousStartDate = newStartDate == null ? null : before.getPlannedStartDate();
    previousEndDate = newEndDate == null ? null : before.getPlannedEndDate();
    if (newTotalBudget != null) {
      previousTotalBudget = before.getTotalBudget();
      previousLeadContribution = before.getLeadContribution();
      previousPartnerContribution = before.getPartnerContribution();
    }
    previousObjectives = newObjectives == null ? null : before.getObjectives();
    previousDeliverables = newDeliverables == null ? null : String.join("\n", before.getDeliverables());
    close(AmendmentStatus.APPLIED, now);
  }

  void close(AmendmentStatus outcome, Instant now) {
    status = outcome;
    openForActivity = null;
    decidedAt = now;
  }

  public boolean isOpen() {
    return openForActivity != null;
  }

  public Long getId() { return id; }
  public Long getActivityId() { return activityId; }
  public int getNumber() { return number; }
  public AmendmentStatus getStatus() { return status; }
  public String getRequestedBy() { return requestedBy; }
  public String getRequestedFor() { return requestedFor; }
  public Instant getRequestedAt() { return requestedAt; }
  public String getJustification() { return justification; }
  public String getProcessInstanceId() { return processInstanceId; }
  public LocalDate getNewStartDate() { return newStartDate; }
  public LocalDate getNewEndDate() { return newEndDate; }
  public BigDecimal getNewTotalBudget() { return newTotalBudget; }
  public BigDecimal getNewLeadContribution() { return newLeadContribution; }
  public BigDecimal getNewPartnerContribution() { return newPartnerContribution; }
  public String getNewObjectives() { return newObjectives; }
  public String getNewDeliverables() { return newDeliverables; }
  public LocalDate getPreviousStartDate() { return previousStartDate; }
  public LocalDate getPreviousEndDate() { return previousEndDate; }
  public BigDecimal getPreviousTotalBudget() { return previousTotalBudget; }
  public BigDecimal getPreviousLeadContribution() { return previousLeadContribution; }
  public BigDecimal getPreviousPartnerContribution() { return previousPartnerContribution; }
  public String getPreviousObjectives() { return previousObjectives; }
  public String getPreviousDeliverables() { return previousDeliverables; }
  public Instant getDecidedAt() { return decidedAt; }
}
