package org.jointactivities.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an activity's audit trail: who did what, for which agency, when and why. Never changed. */
@Entity
@Table(name = "activity_audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "activity_id", nullable = false)
  private Long activityId;

  @Column(nullable = false)
  private Instant occurredAt;

  /** User id, or null for a step the system took. */
  @Column(length = 64)
  private String actor;

  @Column(length = 20)
  private String agency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private AuditAction action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ActivityState stateAfter;

  /** The step the entry belongs to, e.g. {@code review-2} or {@code sign-off-<id>}. */
  @Column(length = 100)
  private String step;

  /** For a decline: what the decliner chose next (REVIEW or REJECT). */
  @Column(length = 20)
  private String followUp;

  @Column(length = 4000)
  private String comment;

  protected AuditEntry() {}

  AuditEntry(Long activityId, Instant occurredAt, String actor, String agency, AuditAction action,
      ActivityState stateAfter, String step, String followUp, String comment) {
    this.activityId = activityId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.agency = agency;
    this.action = action;
    this.stateAfter = stateAfter;
    this.step = step;
    this.followUp = followUp;
    this.comment = comment;
  }

  public Long getId() { return id; }
  public Long getActivityId() { return activityId; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getAgency() { return agency; }
  public AuditAction getAction() { return action; }
  public ActivityState getStateAfter() { return stateAfter; }
  public String getStep() { return step; }
  public String getFollowUp() { return followUp; }
  public String getComment() { return comment; }
}
