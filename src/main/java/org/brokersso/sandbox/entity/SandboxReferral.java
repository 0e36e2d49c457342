package org.brokersso.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A partner id on a user ({@code linkId} null) or on one linked account (calls 3.6–3.8). */
@Entity
@Table(name = "sandbox_referral")
@NamedQuery(
    name = SandboxReferral.ON_USER,
    query = "SELECT r FROM SandboxReferral r WHERE r.userId = :userId AND r.linkId IS NULL")
@NamedQuery(
    name = SandboxReferral.ON_ACCOUNT,
    query = "SELECT r FROM SandboxReferral r WHERE r.userId = :userId AND r.linkId = :linkId")
public class SandboxReferral {

  public static final String ON_USER = "SandboxReferral.onUser";
  public static final String ON_ACCOUNT = "SandboxReferral.onAccount";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "link_id")
  private Long linkId;

  @Column(name = "partner_id", nullable = false, length = 128)
  private String partnerId;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected SandboxReferral() {}

  public SandboxReferral(long sandboxUserId, Long sandboxLinkId, String partnerId, Instant now) {
    this.userId = sandboxUserId;
    this.linkId = sandboxLinkId;
    this.partnerId = partnerId;
    this.createdAt = now.toEpochMilli();
  }

  public Long linkId() {
    return linkId;
  }

  public String partnerId() {
    return partnerId;
  }
}
