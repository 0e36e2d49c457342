package org.brokersso.user.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.brokersso.tokens.entity.StoredToken;

/** The token in a password-reset link (conformance 6.3.9): single use, short-lived, kept hashed. */
@Entity
@Table(name = "password_reset_token")
@NamedQuery(
    name = PasswordResetToken.BY_HASH,
    query = "SELECT t FROM PasswordResetToken t JOIN FETCH t.user WHERE t.tokenHash = :hash")
@NamedQuery(
    name = PasswordResetToken.CONSUME,
    query =
        "UPDATE PasswordResetToken t SET t.consumedAt = :now WHERE t.id = :id AND t.consumedAt IS NULL AND t.expiresAt > :now")
// a link that a newer one or a new password replaced is used up as if it had been followed
@NamedQuery(
    name = PasswordResetToken.VOID_ALL_OF_USER,
    query =
        "UPDATE PasswordResetToken t SET t.consumedAt = :now WHERE t.user = :user AND t.consumedAt IS NULL AND t.expiresAt > :now")
@NamedQuery(
    name = PasswordResetToken.LATEST_OF_USER,
    query = "SELECT MAX(t.issuedAt) FROM PasswordResetToken t WHERE t.user = :user")
public class PasswordResetToken extends StoredToken {

  public static final String BY_HASH = "PasswordResetToken.byHash";
  public static final String CONSUME = "PasswordResetToken.consume";
  public static final String VOID_ALL_OF_USER = "PasswordResetToken.voidAllOfUser";
  public static final String LATEST_OF_USER = "PasswordResetToken.latestOfUser";

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private User user;

  @Column(name = "consumed_at")
  private Long consumedAt;

  protected PasswordResetToken() {}

  public PasswordResetToken(String tokenHash, User user, Instant issuedAt, Instant expiresAt) {
    super(tokenHash, issuedAt, expiresAt);
    this.user = user;
  }

  public User user() {
    return user;
  }

  public boolean isConsumed() {
    return consumedAt != null;
  }
}
