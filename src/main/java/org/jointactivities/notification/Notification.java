package org.jointactivities.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An e-mail as it was written when its cause happened, saved in the same transaction as the
 * cause, and sent afterwards by a job (see NotificationOutbox). {@code sentAt} marks it delivered.
 */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private NotificationKind kind;

  /** Set for notifications that must go out only once, e.g. the reminder of one task. */
  @Column(length = 200, unique = true)
  private String dedupKey;

  @Column(length = 20)
  private String activityReference;

  @Column(nullable = false, length = 4000)
  private String recipients;

  @Column(nullable = false, length = 500)
  private String subject;

  @Column(nullable = false, length = 200000)
  private String textBody;

  @Column(nullable = false, length = 200000)
  private String htmlBody;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant sentAt;

  protected Notification() {}

  Notification(NotificationKind kind, String dedupKey, String activityReference, List<String> recipients,
      RenderedMail mail, Instant createdAt) {
    this.kind = kind;
    this.dedupKey = dedupKey;
    this.activityReference = activityReference;
    this.recipients = String.join(",", recipients);
    this.subject = mail.subject();
    this.textBody = mail.text();
    this.htmlBody = mail.html();
    this.createdAt = createdAt;
  }

  void markSent(Instant when) {
    sentAt = when;
  }

  public Long getId() { return id; }
  public NotificationKind getKind() { return kind; }
  public String getDedupKey() { return dedupKey; }
  public String getActivityReference() { return activityReference; }
  public List<String> getRecipients() { return Arrays.asList(recipients.split(",")); }
  public String getSubject() { return subject; }
  public String getTextBody() { return textBody; }
  public String getHtmlBody() { return htmlBody; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getSentAt() { return sentAt; }
}
