package org.brokersso.audit.entity;

/** Whether the action took effect. */
public enum AuditOutcome {
  SUCCESS,
  REFUSED
}
