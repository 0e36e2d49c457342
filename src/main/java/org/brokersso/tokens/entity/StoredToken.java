package org.brokersso.tokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every token of the contract keeps: the SHA-256 of its value (never the value), when it was
 * issued and when it expires, as epoch milliseconds (MySQL-compatible servers may drop fractions of
 * a second from DATETIME).
 */
@MappedSuperclass
public abstract class StoredToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "issued_at", nullable = false)
  private long issuedAt;

  @Column(name = "expires_at", nullable = false)
  private long expiresAt;

  protected StoredToken() {}

  protected StoredToken(String tokenHash, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.issuedAt = issuedAt.toEpochMilli();
    this.expiresAt = expiresAt.toEpochMilli();
  }

  public boolean isExpiredAt(Instant now) {
    return now.toEpochMilli() >= expiresAt;
  }

  public Long id() {
    return id;
  }

  public String tokenHash() {
    return tokenHash;
  }

  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAt);
  }
}
