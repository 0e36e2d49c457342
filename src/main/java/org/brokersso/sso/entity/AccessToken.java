package org.brokersso.sso.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.brokersso.user.entity.User;

/**
 * The long-term token of "keep me logged in": returned by call 4.2, verified by call 4.3 at every
 * app launch until it expires ({@code sso.access-token.ttl}) or is revoked (4.5, OT replay).
 */
@Entity
@Table(name = "access_token")
@NamedQuery(name = AccessToken.BY_HASH, query = "SELECT t FROM AccessToken t JOIN FETCH t.user WHERE t.tokenHash = :hash")
@NamedQuery(
    name = AccessToken.REVOKE_MINTED_FROM,
    query = "UPDATE AccessToken t SET t.revokedAt = :now WHERE t.oneTimeTokenId = :oneTimeTokenId AND t.revokedAt IS NULL")
public class AccessToken {

  public static final String BY_HASH = "AccessToken.byHash";
  public static final String REVOKE_MINTED_FROM = "AccessToken.revokeMintedFrom";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id")
  private User user;

  @Column(name = "one_time_token_id", nullable = false)
  private long oneTimeTokenId;

  @Column(name = "issued_at", nullable = false)
  private long issuedAt;

  @Column(name = "expires_at", nullable = false)
  private long expiresAt;

  @Column(name = "revoked_at")
  private Long revokedAt;

  protected AccessToken() {}

  public AccessToken(String tokenHash, User user, long oneTimeTokenId, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.user = user;
    this.oneTimeTokenId = oneTimeTokenId;
    this.issuedAt = issuedAt.toEpochMilli();
    this.expiresAt = expiresAt.toEpochMilli();
  }

  public boolean isExpiredAt(Instant now) {
    return now.toEpochMilli() >= expiresAt;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now.toEpochMilli();
    }
  }

  public Long id() {
    return id;
  }

  public long oneTimeTokenId() {
    return oneTimeTokenId;
  }

  public String tokenHash() {
    return tokenHash;
  }

  public User user() {
    return user;
  }

  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAt);
  }
}
