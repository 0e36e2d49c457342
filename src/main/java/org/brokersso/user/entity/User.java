package org.brokersso.user.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A trader known to the broker. {@code ctidUserId} is cTrader's {@code userId}, the identifier
 * every call of the contract speaks in; it is empty until call 3.2 has created the cTID user.
 */
@Entity
@Table(name = "broker_user")
@NamedQuery(
    name = User.BY_CTID_USER_ID,
    query = "SELECT u FROM User u WHERE u.ctidUserId = :ctidUserId")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(
    name = User.BY_PARTNER_CODE,
    query = "SELECT u FROM User u WHERE u.partnerCode = :partnerCode")
// raised in the database itself, so two changes at once both count and no stale copy of the row
// ever writes an older generation back (the column is not updatable through the entity)
@NamedNativeQuery(
    name = User.RAISE_CREDENTIAL_EPOCH,
    query = "UPDATE broker_user SET credential_epoch = credential_epoch + 1 WHERE id = :id")
@NamedQuery(
    name = User.CREDENTIAL_EPOCH,
    query = "SELECT u.credentialEpoch FROM User u WHERE u.id = :id")
@NamedQuery(
    name = User.REFERRED_BY,
    query = "SELECT u FROM User u WHERE u.referredBy = :partnerCode ORDER BY u.createdAt DESC")
@NamedQuery(
    name = User.PENDING_REFERRALS,
    query =
        "SELECT u.id FROM User u WHERE u.referredBy IS NOT NULL AND u.referralAppliedAt IS NULL"
            + " AND u.ctidUserId IS NOT NULL AND u.id > :after ORDER BY u.id")
public class User {

  public static final String BY_CTID_USER_ID = "User.byCtidUserId";
  public static final String BY_EMAIL = "User.byEmail";
  public static final String BY_PARTNER_CODE = "User.byPartnerCode";
  public static final String REFERRED_BY = "User.referredBy";
  public static final String PENDING_REFERRALS = "User.pendingReferrals";
  public static final String CREDENTIAL_EPOCH = "User.credentialEpoch";
  public static final String RAISE_CREDENTIAL_EPOCH = "User.raiseCredentialEpoch";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "ctid_user_id")
  private Long ctidUserId;

  @Column(name = "email", length = 254)
  private String email;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "agreement_accepted_at")
  private Long agreementAcceptedAt;

  @Column(name = "password_hash", length = 160)
  private String passwordHash;

  @Column(name = "first_name", length = 128)
  private String firstName;

  @Column(name = "preferred_language", length = 8)
  private String preferredLanguage;

  @Column(name = "referred_by", length = 64)
  private String referredBy;

  @Column(name = "referral_applied_at")
  private Long referralAppliedAt;

  @Column(name = "partner_code", length = 32)
  private String partnerCode;

  @Column(name = "credential_epoch", nullable = false, insertable = false, updatable = false)
  private long credentialEpoch;

  protected User() {}

  public User(Long ctidUserId, String email, Instant createdAt) {
    this.ctidUserId = ctidUserId;
    this.email = email;
    this.createdAt = createdAt.toEpochMilli();
  }

  public Long id() {
    return id;
  }

  public Long ctidUserId() {
    return ctidUserId;
  }

  public String email() {
    return email;
  }

  /** Records cTrader's userId once call 3.2 (or 3.11, when the email was taken) has named it. */
  public void linkCtidUser(long ctidUserId) {
    if (this.ctidUserId != null && this.ctidUserId != ctidUserId) {
      throw new IllegalStateException("User " + id + " is already cTrader user " + this.ctidUserId);
    }
    this.ctidUserId = ctidUserId;
  }

  /** Records that cTrader was told (call 3.13) that the user accepted the agreement. */
  public void acceptAgreement(Instant at) {
    if (agreementAcceptedAt == null) {
      agreementAcceptedAt = at.toEpochMilli();
    }
  }

  public boolean hasAcceptedAgreement() {
    return agreementAcceptedAt != null;
  }

  /**
   * A trader who signed up on the screens: e-mail, password hash, name and language, partner if
   * any.
   */
  public static User signedUp(
      String email,
      String passwordHash,
      String firstName,
      String preferredLanguage,
      String referredBy,
      Instant now) {
    User user = new User(null, email, now);
    user.passwordHash = passwordHash;
    user.firstName = firstName;
    user.preferredLanguage = preferredLanguage;
    user.referredBy = referredBy;
    return user;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  /**
   * The generation of the trader's credentials a screen session signed in under; it stays valid
   * only while this is still the current one.
   */
  public long credentialEpoch() {
    return credentialEpoch;
  }

  /** Records the generation {@code Users#endScreenSessions} raised the database to. */
  public void credentialEpochRaised(long credentialEpoch) {
    this.credentialEpoch = credentialEpoch;
  }

  public void changeEmail(String email) {
    this.email = email;
  }

  public String firstName() {
    return firstName;
  }

  public String preferredLanguage() {
    return preferredLanguage;
  }

  public void preferLanguage(String language) {
    this.preferredLanguage = language;
  }

  /**
   * The partnerId the signup URL carried, still to be sent to cTrader (3.6) when not yet applied.
   */
  public Optional<String> pendingReferral() {
    return referredBy != null && referralAppliedAt == null
        ? Optional.of(referredBy)
        : Optional.empty();
  }

  public String referredBy() {
    return referredBy;
  }

  public void referralApplied(Instant at) {
    referralAppliedAt = at.toEpochMilli();
  }

  public String partnerCode() {
    return partnerCode;
  }

  /** Makes the trader a partner under the given code (their partnerId in referral links). */
  public void becomePartner(String code) {
    if (partnerCode == null) {
      partnerCode = code;
    }
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }
}
