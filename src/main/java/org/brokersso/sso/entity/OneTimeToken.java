package org.brokersso.sso.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.brokersso.tokens.entity.StoredToken;
import org.brokersso.user.entity.User;

/**
 * A one-time (OT) token: good for one exchange through call 4.2 within its lifetime ({@code
 * sso.ot-token.ttl}, one minute by default, conformance 6.1.7).
 */
@Entity
@Table(name = "one_time_token")
@NamedQuery(
    name = OneTimeToken.BY_HASH,
    query = "SELECT t FROM OneTimeToken t JOIN FETCH t.user WHERE t.tokenHash = :hash")
@NamedQuery(
    name = OneTimeToken.CONSUME,
    query =
        "UPDATE OneTimeToken t SET t.consumedAt = :now"
            + " WHERE t.id = :id AND t.consumedAt IS NULL AND t.expiresAt > :now")
public class OneTimeToken extends StoredToken {

  public static final String BY_HASH = "OneTimeToken.byHash";

  /** The one statement that redeems a token; its update count decides the single winner. */
  public static final String CONSUME = "OneTimeToken.consume";

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id")
  private User user;

  @Enumerated(EnumType.STRING)
  @Column(name = "purpose", nullable = false, length = 16)
  private OneTimePurpose purpose;

  @Column(name = "keep_logged_in", nullable = false)
  private boolean keepLoggedIn;

  @Column(name = "consumed_at")
  private Long consumedAt;

  protected OneTimeToken() {}

  public OneTimeToken(
      String tokenHash,
      User user,
      OneTimePurpose purpose,
      boolean keepLoggedIn,
      Instant issuedAt,
      Instant expiresAt) {
    super(tokenHash, issuedAt, expiresAt);
    this.user = user;
    this.purpose = purpose;
    this.keepLoggedIn = keepLoggedIn;
  }

  public boolean isConsumed() {
    return consumedAt != null;
  }

  public User user() {
    return user;
  }

  public OneTimePurpose purpose() {
    return purpose;
  }

  public boolean keepLoggedIn() {
    return keepLoggedIn;
  }
}
