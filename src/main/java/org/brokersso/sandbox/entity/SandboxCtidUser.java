package org.brokersso.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A cTID user as the sandbox's cTrader keeps it (call 3.2). Emails compare case-insensitively. */
@Entity
@Table(name = "sandbox_ctid_user")
@NamedQuery(
    name = SandboxCtidUser.BY_EMAIL,
    query = "SELECT u FROM SandboxCtidUser u WHERE u.email = :email")
public class SandboxCtidUser {

  public static final String BY_EMAIL = "SandboxCtidUser.byEmail";

  /** userId = id + OFFSET: eight digits, like the spec's examples. */
  public static final long OFFSET = 20_480_000L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "broker_crm_name", nullable = false, length = 64)
  private String brokerCrmName;

  @Column(name = "email", nullable = false, length = 254)
  private String email;

  @Column(name = "first_name", length = 128)
  private String firstName;

  @Column(name = "nick_name", length = 128)
  private String nickName;

  @Column(name = "preferred_language", length = 8)
  private String preferredLanguage;

  @Column(name = "agreement_accepted_at")
  private Long agreementAcceptedAt;

  @Column(name = "logged_out_at")
  private Long loggedOutAt;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected SandboxCtidUser() {}

  public SandboxCtidUser(
      String brokerCrmName,
      String email,
      String firstName,
      String nickName,
      String preferredLanguage,
      Instant now) {
    this.brokerCrmName = brokerCrmName;
    this.email = normalised(email);
    this.firstName = firstName;
    this.nickName = nickName;
    this.preferredLanguage = preferredLanguage;
    this.createdAt = now.toEpochMilli();
  }

  public static String normalised(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public static long idOf(long userId) {
    return userId - OFFSET;
  }

  public long userId() {
    return id + OFFSET;
  }

  public String email() {
    return email;
  }

  public void changeEmail(String newEmail) {
    this.email = normalised(newEmail);
  }

  public void acceptAgreement(Instant now) {
    if (agreementAcceptedAt == null) {
      agreementAcceptedAt = now.toEpochMilli();
    }
  }

  public boolean hasAcceptedAgreement() {
    return agreementAcceptedAt != null;
  }

  public void logOut(Instant now) {
    loggedOutAt = now.toEpochMilli();
  }

  public Long loggedOutAt() {
    return loggedOutAt;
  }
}
