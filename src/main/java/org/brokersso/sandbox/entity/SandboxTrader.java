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
import org.brokersso.ctrader.entity.AccessRights;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;

/**
 * A trading account as the sandbox's cTrader keeps it (call 3.3). Balance and credit are scaled by
 * {@code 10^moneyDigits} like cTrader's answers; with no positions, equity equals balance.
 */
@Entity
@Table(name = "sandbox_trader")
public class SandboxTrader {

  /** login = id + OFFSET: seven digits, like the spec's examples. */
  public static final long OFFSET = 3_100_000L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "broker_name", nullable = false, length = 64)
  private String brokerName;

  @Column(name = "group_name", nullable = false, length = 64)
  private String groupName;

  @Column(name = "deposit_currency", nullable = false, length = 8)
  private String depositCurrency;

  @Column(name = "money_digits", nullable = false)
  private int moneyDigits;

  @Column(name = "balance", nullable = false)
  private long balance;

  @Column(name = "credit", nullable = false)
  private long credit;

  @Column(name = "leverage_in_cents", nullable = false)
  private int leverageInCents;

  @Enumerated(EnumType.STRING)
  @Column(name = "access_rights", nullable = false, length = 16)
  private AccessRights accessRights;

  @Enumerated(EnumType.STRING)
  @Column(name = "account_type", nullable = false, length = 16)
  private AccountType accountType;

  @Column(name = "password_hash", nullable = false, length = 32)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected SandboxTrader() {}

  public SandboxTrader(TraderRequest request, int moneyDigits, Instant now) {
    this.brokerName = request.brokerName();
    this.groupName = request.groupName();
    this.depositCurrency = request.depositCurrency();
    this.moneyDigits = moneyDigits;
    this.balance = request.balance() == null ? 0 : request.balance();
    this.leverageInCents = request.leverageInCents();
    this.accessRights =
        request.accessRights() == null ? AccessRights.FULL_ACCESS : request.accessRights();
    this.accountType = request.accountType() == null ? AccountType.HEDGED : request.accountType();
    this.passwordHash = request.hashedPassword();
    this.createdAt = now.toEpochMilli();
  }

  public static long idOf(long login) {
    return login - OFFSET;
  }

  public long id() {
    return id;
  }

  public long login() {
    return id + OFFSET;
  }

  public int moneyDigits() {
    return moneyDigits;
  }

  public boolean hasPasswordHash(String hash) {
    return passwordHash.equalsIgnoreCase(hash == null ? "" : hash);
  }

  /** Whether the account holds enough for an outgoing change of this scaled amount. */
  public boolean covers(BalanceChangeType type, long scaledAmount) {
    return !type.isOutgoing() || (type.isCredit() ? credit : balance) >= scaledAmount;
  }

  public void apply(BalanceChangeType type, long scaledAmount) {
    long signed = type.isOutgoing() ? -scaledAmount : scaledAmount;
    if (type.isCredit()) {
      credit += signed;
    } else {
      balance += signed;
    }
  }

  /** The account as call 3.3 answers it. */
  public Trader asTrader(TraderRequest request) {
    long equity = balance + credit;
    return new Trader(
        login(),
        groupName,
        depositCurrency,
        accessRights,
        accountType,
        brokerName,
        balance,
        0L,
        credit,
        equity,
        0L,
        equity,
        balance,
        moneyDigits,
        leverageInCents,
        request == null ? null : request.totalMarginCalculationType(),
        request == null ? null : request.isLimitedRisk(),
        request == null ? null : request.swapFree(),
        request == null ? null : request.sendOwnStatement(),
        request == null ? null : request.contactDetails(),
        request == null ? null : request.name(),
        request == null ? null : request.lastName(),
        createdAt,
        createdAt);
  }
}
