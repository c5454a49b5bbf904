package org.jointactivities.signoff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jointactivities.agency.SignatoryLevel;

/**
 * A signature given in one sign-off. The table's unique keys (one per agency, one per person in
 * each sign-off) keep the four-eyes rule even for signatures that arrive at the same moment.
 */
@Entity
@Table(name = "activity_signature")
public class Signature {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "activity_id", nullable = false)
  private Long activityId;

  @Column(nullable = false, length = 64)
  private String signOffId;

  @Column(nullable = false, length = 20)
  private String agency;

  @Column(nullable = false, length = 64)
  private String signer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private SignatoryLevel signatoryLevel;

  @Column(nullable = false)
  private Instant signedAt;

  protected Signature() {}

  Signature(Long activityId, String signOffId, String agency, String signer, SignatoryLevel level, Instant signedAt) {
    this.activityId = activityId;
    this.signOffId = signOffId;
    this.agency = agency;
    this.signer = signer;
    this.signatoryLevel = level;
    this.signedAt = signedAt;
  }

  public Long getActivityId() { return activityId; }
  public String getSignOffId() { return signOffId; }
  public String getAgency() { return agency; }
  public String getSigner() { return signer; }
  public SignatoryLevel getSignatoryLevel() { return signatoryLevel; }
  public Instant getSignedAt() { return signedAt; }
}
