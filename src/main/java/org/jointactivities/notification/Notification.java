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
 * An e-mail to one recipient as it was written when its cause happened, saved in the same
 * transaction as the cause, and sent afterwards by the mail senders (MailDelivery), with its own
 * schedule: {@code nextAttemptAt} while it waits, {@code sentAt} once delivered, {@code gaveUpAt}
 * when its attempts ran out and it waits for an operator. Values are fitted to their columns here: a notification must
 * never be refused by the database, which would roll back the work that caused it.
 */
@Entity
@Table(name = "notification")
public class Notification {

  static final int RECIPIENT_LENGTH = 320;
  static final int DEDUP_KEY_LENGTH = 200;
  private static final int REFERENCE_LENGTH = 20;
  private static final int SUBJECT_LENGTH = 500;
  private static final int BODY_LENGTH = 200_000;
  private static final int ERROR_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private NotificationKind kind;

  /** Set for notifications that must go out only once, e.g. the reminder of one task. */
  @Column(length = DEDUP_KEY_LENGTH)
  private String dedupKey;

  @Column(length = REFERENCE_LENGTH)
  private String activityReference;

  @Column(length = RECIPIENT_LENGTH)
  private String recipient;

  /** Rows written before V4 hold all their recipients here, comma-separated, and go out as one message. */
  @Column(name = "recipients", length = 4000, insertable = false, updatable = false)
  private String earlierRecipients;

  @Column(nullable = false, length = SUBJECT_LENGTH)
  private String subject;

  @Column(nullable = false, length = BODY_LENGTH)
  private String textBody;

  @Column(nullable = false, length = BODY_LENGTH)
  private String htmlBody;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant sentAt;

  private int attempts;

  /** When the next attempt is due; null once sent or given up. */
  private Instant nextAttemptAt;

  /** A sender holds the mail until then (a node that died while sending lets go of it then). */
  private Instant claimedUntil;

  @Column(length = ERROR_LENGTH)
  private String lastError;

  private Instant gaveUpAt;

  protected Notification() {}

  /** The recipient must fit its column (Recipients leaves out longer addresses); the rest is fitted. */
  Notification(NotificationKind kind, String dedupKey, String activityReference, String recipient, RenderedMail mail,
      Instant createdAt) {
    if (recipient.length() > RECIPIENT_LENGTH) {
      throw new IllegalArgumentException("Recipient address longer than " + RECIPIENT_LENGTH);
    }
    this.kind = kind;
    this.dedupKey = fit(dedupKey, DEDUP_KEY_LENGTH);
    this.activityReference = fit(activityReference, REFERENCE_LENGTH);
    this.recipient = recipient;
    this.subject = fit(mail.subject(), SUBJECT_LENGTH);
    this.textBody = fit(mail.text(), BODY_LENGTH);
    this.htmlBody = fit(mail.html(), BODY_LENGTH);
    this.createdAt = createdAt;
    this.nextAttemptAt = createdAt;
  }

  /** Cuts a value to at most {@code max} characters, marking the cut with an ellipsis. */
  static String fit(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--; // never split a character in two
    }
    return value.substring(0, end) + "\u2026";
  }

  void markSent(Instant when) {
    sentAt = when;
    attempts++;
    nextAttemptAt = null;
    claimedUntil = null;
  }

  /** Records a failed attempt; the mail is tried again at {@code next}, or never (null): it gave up. */
  void markFailed(Instant when, String error, Instant next) {
    attempts++;
    lastError = fit(error, ERROR_LENGTH);
    nextAttemptAt = next;
    gaveUpAt = next == null ? when : null;
    claimedUntil = null;
  }

  /** An operator sends a mail that gave up again, now, with the whole schedule ahead of it. */
  void restart(Instant now) {
    attempts = 0;
    gaveUpAt = null;
    nextAttemptAt = now;
    claimedUntil = null;
  }

  public Long getId() { return id; }
  public NotificationKind getKind() { return kind; }
  public String getDedupKey() { return dedupKey; }
  public String getActivityReference() { return activityReference; }
  public List<String> getRecipients() {
    return recipient != null ? List.of(recipient) : Arrays.asList(earlierRecipients.split(","));
  }
  public String getSubject() { return subject; }
  public String getTextBody() { return textBody; }
  public String getHtmlBody() { return htmlBody; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getSentAt() { return sentAt; }
  public int getAttempts() { return attempts; }
  public Instant getNextAttemptAt() { return nextAttemptAt; }
  public String getLastError() { return lastError; }
  public Instant getGaveUpAt() { return gaveUpAt; }
}
