package org.brokersso.sso.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The token cTrader obtains in call 4.1 and presents on every call 4.2–4.5. */
@Entity
@Table(name = "crm_api_token")
@NamedQuery(name = CrmApiToken.BY_HASH, query = "SELECT t FROM CrmApiToken t WHERE t.tokenHash = :hash")
public class CrmApiToken {

  public static final String BY_HASH = "CrmApiToken.byHash";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "issued_at", nullable = false)
  private long issuedAt;

  @Column(name = "expires_at", nullable = false)
  private long expiresAt;

  protected CrmApiToken() {}

  public CrmApiToken(String tokenHash, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.issuedAt = issuedAt.toEpochMilli();
    this.expiresAt = expiresAt.toEpochMilli();
  }

  public boolean isExpiredAt(Instant now) {
    return now.toEpochMilli() >= expiresAt;
  }

  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAt);
  }
}
