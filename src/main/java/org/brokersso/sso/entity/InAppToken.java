package org.brokersso.sso.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.brokersso.tokens.entity.StoredToken;

/**
 * The optional {@code inappToken} of calls 4.2/4.3: once one is issued to a user, call 4.4 for that
 * user must present a live one. Bound to the exchange (and access token) it came from, so revoking
 * a session revokes it too.
 */
@Entity
@Table(name = "inapp_token")
@NamedQuery(
    name = InAppToken.BY_HASH,
    query = "SELECT t FROM InAppToken t WHERE t.tokenHash = :hash")
@NamedQuery(
    name = InAppToken.LIVE_FOR_USER,
    query =
        "SELECT COUNT(t) FROM InAppToken t WHERE t.userId = :userId AND t.revokedAt IS NULL AND t.expiresAt > :now")
@NamedQuery(
    name = InAppToken.REVOKE_FOR_ACCESS_TOKEN,
    query =
        "UPDATE InAppToken t SET t.revokedAt = :now WHERE t.accessTokenId = :accessTokenId AND t.revokedAt IS NULL")
@NamedQuery(
    name = InAppToken.REVOKE_FOR_ONE_TIME_TOKEN,
    query =
        "UPDATE InAppToken t SET t.revokedAt = :now WHERE t.oneTimeTokenId = :oneTimeTokenId AND t.revokedAt IS NULL")
@NamedQuery(
    name = InAppToken.REVOKE_ALL_OF_USER,
    query =
        "UPDATE InAppToken t SET t.revokedAt = :now WHERE t.userId = :userId AND t.revokedAt IS NULL")
public class InAppToken extends StoredToken {

  public static final String REVOKE_ALL_OF_USER = "InAppToken.revokeAllOfUser";

  public static final String BY_HASH = "InAppToken.byHash";
  public static final String LIVE_FOR_USER = "InAppToken.liveForUser";
  public static final String REVOKE_FOR_ACCESS_TOKEN = "InAppToken.revokeForAccessToken";
  public static final String REVOKE_FOR_ONE_TIME_TOKEN = "InAppToken.revokeForOneTimeToken";

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "one_time_token_id")
  private Long oneTimeTokenId;

  @Column(name = "access_token_id")
  private Long accessTokenId;

  @Column(name = "revoked_at")
  private Long revokedAt;

  protected InAppToken() {}

  public InAppToken(
      String tokenHash,
      long userId,
      Long oneTimeTokenId,
      Long accessTokenId,
      Instant issuedAt,
      Instant expiresAt) {
    super(tokenHash, issuedAt, expiresAt);
    this.userId = userId;
    this.oneTimeTokenId = oneTimeTokenId;
    this.accessTokenId = accessTokenId;
  }

  public boolean isLiveAt(Instant now) {
    return revokedAt == null && !isExpiredAt(now);
  }

  public long userId() {
    return userId;
  }
}
