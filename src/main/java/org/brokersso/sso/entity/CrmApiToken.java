package org.brokersso.sso.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.brokersso.tokens.entity.StoredToken;

/** The token cTrader obtains in call 4.1 and presents on every call 4.2–4.5. */
@Entity
@Table(name = "crm_api_token")
@NamedQuery(
    name = CrmApiToken.BY_HASH,
    query = "SELECT t FROM CrmApiToken t WHERE t.tokenHash = :hash")
public class CrmApiToken extends StoredToken {

  public static final String BY_HASH = "CrmApiToken.byHash";

  protected CrmApiToken() {}

  public CrmApiToken(String tokenHash, Instant issuedAt, Instant expiresAt) {
    super(tokenHash, issuedAt, expiresAt);
  }
}
