package org.brokersso.jobs.entity;

/**
 * What the purge job deletes, table by table, in this order (a token row goes only once nothing
 * references it: inApp tokens point at access and OT tokens, access tokens at OT tokens). {@code
 * :cutoff} is epoch milliseconds: now less {@code jobs.purge.token-grace} for tokens, less {@code
 * jobs.purge.audit-retention} for the audit trail. A used OT token or reset link expires minutes
 * after issue, a revoked access or inApp token at its own expiry, so "expired" covers them all.
 */
public enum PurgeRule {
  INAPP_TOKENS("inapp_token", "expires_at < :cutoff", false),
  ACCESS_TOKENS(
      "access_token",
      "expires_at < :cutoff"
          + " AND NOT EXISTS (SELECT 1 FROM inapp_token i WHERE i.access_token_id = access_token.id)",
      false),
  ONE_TIME_TOKENS(
      "one_time_token",
      "expires_at < :cutoff"
          + " AND NOT EXISTS (SELECT 1 FROM access_token a WHERE a.one_time_token_id = one_time_token.id)"
          + " AND NOT EXISTS (SELECT 1 FROM inapp_token i WHERE i.one_time_token_id = one_time_token.id)",
      false),
  CRM_API_TOKENS("crm_api_token", "expires_at < :cutoff", false),
  TOKEN_REVOCATIONS("token_revocation", "recorded_at < :cutoff", false),
  TOKEN_CACHE_PEERS("token_cache_peer", "seen_at < :cutoff", false),
  PASSWORD_RESET_TOKENS("password_reset_token", "expires_at < :cutoff", false),
  AUDIT_EVENTS("audit_event", "occurred_at < :cutoff", true);

  private final String table;
  private final String condition;
  private final boolean audit;

  PurgeRule(String table, String condition, boolean audit) {
    this.table = table;
    this.condition = condition;
    this.audit = audit;
  }

  public String table() {
    return table;
  }

  /** SQL, with the parameter {@code :cutoff}. */
  public String condition() {
    return condition;
  }

  /** Kept for the audit retention rather than the token grace. */
  public boolean isAudit() {
    return audit;
  }
}
