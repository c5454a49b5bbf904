package org.jointactivities.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one round of a review showed its reviewers, field by field as JSON (table {@code reviewed_content}). */
@Entity
@Table(name = "reviewed_content")
class ReviewedContent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "subject_type", nullable = false, length = 40)
  private String subjectType;

  @Column(name = "subject_id", nullable = false)
  private Long subjectId;

  @Column(name = "review_round", nullable = false)
  private int round;

  @Column(nullable = false, length = 200000)
  private String content;

  protected ReviewedContent() {}

  ReviewedContent(String subjectType, long subjectId, int round, String content) {
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.round = round;
    this.content = content;
  }

  String getContent() { return content; }
}
