package org.brokersso.kyc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One KYC application of a trader and its decision. A case starts PENDING and is decided once,
 * APPROVED or REJECTED; repeating the same decision changes nothing, the opposite one is refused. A
 * rejected trader applies again with a new case; the newest case is the trader's status.
 */
@Entity
@Table(name = "kyc_case")
@NamedQuery(
    name = KycCase.OF_USER,
    query = "SELECT c FROM KycCase c WHERE c.userId = :userId ORDER BY c.id DESC")
@NamedQuery(
    name = KycCase.WITH_STATUS,
    query = "SELECT c FROM KycCase c WHERE c.status = :status ORDER BY c.id")
public class KycCase {

  public static final String OF_USER = "KycCase.ofUser";
  public static final String WITH_STATUS = "KycCase.withStatus";

  static final int MAX_KYC_TYPE = 64;
  static final int MAX_REASON = 255;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private KycStatus status;

  @Column(name = "kyc_type", length = MAX_KYC_TYPE)
  private String kycType;

  @Column(name = "provider", nullable = false, length = 32)
  private String provider;

  @Column(name = "provider_reference", length = 128)
  private String providerReference;

  @Column(name = "submitted_at", nullable = false)
  private long submittedAt;

  @Column(name = "decided_at")
  private Long decidedAt;

  @Column(name = "reason", length = MAX_REASON)
  private String reason;

  protected KycCase() {}

  public KycCase(long userId, String kycType, String provider, Instant submittedAt) {
    this.userId = userId;
    this.kycType = kycType(kycType);
    this.provider = provider;
    this.submittedAt = submittedAt.toEpochMilli();
    this.status = KycStatus.PENDING;
  }

  /**
   * The {@code kycType} screen parameter as kept: its values are undefined (§5.3), so any text is
   * accepted, without control characters, cut to 64 characters; blank means none.
   */
  public static String kycType(String raw) {
    if (raw == null) {
      return null;
    }
    String cleaned =
        raw.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    return cleaned.isEmpty() ? null : cut(cleaned, MAX_KYC_TYPE);
  }

  /**
   * Records a decision; answers false when the case already carried it. Only PENDING may change.
   *
   * @throws KycAlreadyDecided when the case was decided the other way
   */
  public boolean decide(KycStatus decision, String reason, Instant at) {
    if (!decision.isDecision()) {
      throw new IllegalArgumentException("A decision is APPROVED or REJECTED, not " + decision);
    }
    if (status == decision) {
      return false;
    }
    if (status != KycStatus.PENDING) {
      throw new KycAlreadyDecided(id == null ? 0 : id, status);
    }
    this.status = decision;
    this.reason = reason == null || reason.isBlank() ? null : cut(reason.strip(), MAX_REASON);
    this.decidedAt = at.toEpochMilli();
    return true;
  }

  /** The provider accepted the application under this reference. */
  public void sent(String reference) {
    this.providerReference = reference == null ? null : cut(reference, 128);
  }

  /** Still to be handed to the provider: recorded, but no provider accepted it yet. */
  public boolean awaitsProvider() {
    return status == KycStatus.PENDING && providerReference == null;
  }

  /** A further application is pointless while this one is pending or approved. */
  public boolean standsInForNewApplication() {
    return status == KycStatus.PENDING || status == KycStatus.APPROVED;
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    // never split a surrogate pair
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  public long id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public KycStatus status() {
    return status;
  }

  public String kycType() {
    return kycType;
  }

  public String provider() {
    return provider;
  }

  public String providerReference() {
    return providerReference;
  }

  public Instant submittedAt() {
    return Instant.ofEpochMilli(submittedAt);
  }

  public Optional<Instant> decidedAt() {
    return Optional.ofNullable(decidedAt).map(Instant::ofEpochMilli);
  }

  public String reason() {
    return reason;
  }
}
