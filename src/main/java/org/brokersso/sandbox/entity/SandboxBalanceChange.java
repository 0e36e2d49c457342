package org.brokersso.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.brokersso.ctrader.entity.BalanceChangeType;

/**
 * One booked balance or credit change (call 3.5); its id, offset, is the {@code balanceHistoryId}.
 */
@Entity
@Table(name = "sandbox_balance_change")
public class SandboxBalanceChange {

  public static final long OFFSET = 90_012_000L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trader_id", nullable = false)
  private long traderId;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_type", nullable = false, length = 32)
  private BalanceChangeType changeType;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Column(name = "external_id", length = 128)
  private String externalId;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected SandboxBalanceChange() {}

  public SandboxBalanceChange(
      long traderId,
      BalanceChangeType changeType,
      long scaledAmount,
      String externalId,
      Instant now) {
    this.traderId = traderId;
    this.changeType = changeType;
    this.amount = scaledAmount;
    this.externalId = externalId;
    this.createdAt = now.toEpochMilli();
  }

  public long balanceHistoryId() {
    return id + OFFSET;
  }
}
