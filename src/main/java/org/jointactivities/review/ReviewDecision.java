package org.jointactivities.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One agency's decision in one round of a joint review of one subject (table {@code review_decision}). */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "subject_type", nullable = false, length = 40)
  private String subjectType;

  @Column(name = "subject_id", nullable = false)
  private Long subjectId;

  @Column(name = "review_round", nullable = false)
  private int round;

  @Column(nullable = false, length = 20)
  private String agency;

  @Column(name = "activity_id", nullable = false)
  private Long activityId;

  @Column(nullable = false, length = 64)
  private String reviewer;

  @Column(nullable = false, length = 30)
  private String decision;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Verdict verdict;

  @Column(length = 4000)
  private String comment;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected ReviewDecision() {}

  ReviewDecision(String subjectType, long subjectId, int round, String agency, long activityId, String reviewer,
      String decision, Verdict verdict, String comment, Instant decidedAt) {
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.round = round;
    this.agency = agency;
    this.activityId = activityId;
    this.reviewer = reviewer;
    this.decision = decision;
    this.verdict = verdict;
    this.comment = comment;
    this.decidedAt = decidedAt;
  }

  public String getSubjectType() { return subjectType; }
  public Long getSubjectId() { return subjectId; }
  public int getRound() { return round; }
  public String getAgency() { return agency; }
  public Long getActivityId() { return activityId; }
  public String getReviewer() { return reviewer; }
  public String getDecision() { return decision; }
  public Verdict getVerdict() { return verdict; }
  public String getComment() { return comment; }
  public Instant getDecidedAt() { return decidedAt; }
}
