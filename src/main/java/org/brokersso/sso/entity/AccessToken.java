package org.brokersso.sso.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.brokersso.tokens.entity.StoredToken;
import org.brokersso.user.entity.User;

/**
 * The long-term token of "keep me logged in": returned by call 4.2, verified by call 4.3 at every
 * app launch until it expires ({@code sso.access-token.ttl}) or is revoked (4.5, OT replay).
 */
@Entity
@Table(name = "access_token")
@NamedQuery(
    name = AccessToken.BY_HASH,
    query = "SELECT t FROM AccessToken t JOIN FETCH t.user WHERE t.tokenHash = :hash")
@NamedQuery(
    name = AccessToken.REVOKE_MINTED_FROM,
    query =
        "UPDATE AccessToken t SET t.revokedAt = :now WHERE t.oneTimeTokenId = :oneTimeTokenId AND t.revokedAt IS NULL")
@NamedQuery(
    name = AccessToken.REVOKE_ALL_OF_USER,
    query =
        "UPDATE AccessToken t SET t.revokedAt = :now WHERE t.user = :user AND t.revokedAt IS NULL")
public class AccessToken extends StoredToken {

  public static final String REVOKE_ALL_OF_USER = "AccessToken.revokeAllOfUser";

  public static final String BY_HASH = "AccessToken.byHash";
  public static final String REVOKE_MINTED_FROM = "AccessToken.revokeMintedFrom";

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id")
  private User user;

  @Column(name = "one_time_token_id", nullable = false)
  private long oneTimeTokenId;

  @Column(name = "revoked_at")
  private Long revokedAt;

  protected AccessToken() {}

  public AccessToken(
      String tokenHash, User user, long oneTimeTokenId, Instant issuedAt, Instant expiresAt) {
    super(tokenHash, issuedAt, expiresAt);
    this.user = user;
    this.oneTimeTokenId = oneTimeTokenId;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now.toEpochMilli();
    }
  }

  public long oneTimeTokenId() {
    return oneTimeTokenId;
  }

  public User user() {
    return user;
  }
}
