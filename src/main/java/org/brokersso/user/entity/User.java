package org.brokersso.user.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A trader known to the broker. {@code ctidUserId} is cTrader's {@code userId}, the identifier
 * every call of the contract speaks in; it is empty until call 3.2 has created the cTID user.
 */
@Entity
@Table(name = "broker_user")
@NamedQuery(name = User.BY_CTID_USER_ID, query = "SELECT u FROM User u WHERE u.ctidUserId = :ctidUserId")
public class User {

  public static final String BY_CTID_USER_ID = "User.byCtidUserId";

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
}
