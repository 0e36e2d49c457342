package org.brokersso.audit.entity;

/** What happened, in the contract's words. */
public enum AuditAction {
  CRM_API_TOKEN_ISSUE,
  CRM_API_TOKEN_CHECK,
  OT_TOKEN_ISSUE,
  OT_TOKEN_EXCHANGE,
  ACCESS_TOKEN_VERIFY,
  ACCESS_TOKEN_REVOKE,
  INAPP_TOKEN_CHECK
}
