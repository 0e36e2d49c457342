package org.brokersso.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row of the append-only audit trail. It names a token only by its stored hash, never by its
 * value, so the trail can be read by support without handing out credentials.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private long occurredAt;

  @Column(name = "actor", nullable = false, length = 64)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, length = 48)
  private AuditAction action;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 16)
  private AuditOutcome outcome;

  @Column(name = "user_id")
  private Long userId;

  @Column(name = "ctid_user_id")
  private Long ctidUserId;

  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "detail", length = 255)
  private String detail;

  protected AuditEvent() {}

  AuditEvent(Instant occurredAt, String actor, AuditAction action, AuditOutcome outcome) {
    this.occurredAt = occurredAt.toEpochMilli();
    this.actor = actor;
    this.action = action;
    this.outcome = outcome;
  }

  public static AuditEvent success(Instant at, String actor, AuditAction action) {
    return new AuditEvent(at, actor, action, AuditOutcome.SUCCESS);
  }

  public static AuditEvent refusal(Instant at, String actor, AuditAction action) {
    return new AuditEvent(at, actor, action, AuditOutcome.REFUSED);
  }

  public AuditEvent user(Long userId, Long ctidUserId) {
    this.userId = userId;
    this.ctidUserId = ctidUserId;
    return this;
  }

  public AuditEvent token(String tokenHash) {
    this.tokenHash = tokenHash;
    return this;
  }

  public AuditEvent detail(String detail) {
    this.detail = detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
    return this;
  }
}
