package org.brokersso.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user–account link (call 3.4); its id, offset, is the {@code ctidTraderAccountId}. */
@Entity
@Table(name = "sandbox_link")
@NamedQuery(
    name = SandboxLink.BY_TRADER,
    query = "SELECT l FROM SandboxLink l WHERE l.traderId = :traderId")
public class SandboxLink {

  public static final String BY_TRADER = "SandboxLink.byTrader";

  /** ctidTraderAccountId = id + OFFSET. */
  public static final long OFFSET = 47_710_000L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "trader_id", nullable = false)
  private long traderId;

  @Column(name = "environment_name", nullable = false, length = 32)
  private String environmentName;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected SandboxLink() {}

  public SandboxLink(
      long sandboxUserId, long sandboxTraderId, String environmentName, Instant now) {
    this.userId = sandboxUserId;
    this.traderId = sandboxTraderId;
    this.environmentName = environmentName;
    this.createdAt = now.toEpochMilli();
  }

  public static long idOf(long ctidTraderAccountId) {
    return ctidTraderAccountId - OFFSET;
  }

  public long id() {
    return id;
  }

  public long ctidTraderAccountId() {
    return id + OFFSET;
  }

  /** The sandbox row id of the linked user. */
  public long userRowId() {
    return userId;
  }
}
