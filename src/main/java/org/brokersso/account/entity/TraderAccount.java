package org.brokersso.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.ctrader.entity.Trader;

/**
 * A trading account of a broker user, from the request to the link (calls 3.3, 3.4). The trader's
 * password hash is kept only until the link, which needs it again; the trader logs in through SSO
 * and never learns that password.
 */
@Entity
@Table(name = "trader_account")
@NamedQuery(
    name = TraderAccount.OF_USER,
    query = "SELECT a FROM TraderAccount a WHERE a.userId = :userId ORDER BY a.id")
@NamedQuery(
    name = TraderAccount.BY_LOGIN,
    query = "SELECT a FROM TraderAccount a WHERE a.traderLogin = :traderLogin")
@NamedQuery(
    name = TraderAccount.UNFINISHED,
    query =
        "SELECT a FROM TraderAccount a WHERE a.stage <> org.brokersso.account.entity.OpeningStage.LINKED ORDER BY a.id")
public class TraderAccount {

  public static final String OF_USER = "TraderAccount.ofUser";
  public static final String UNFINISHED = "TraderAccount.unfinished";
  public static final String BY_LOGIN = "TraderAccount.byLogin";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage", nullable = false, length = 16)
  private OpeningStage stage;

  @Column(name = "first_name", length = 128)
  private String firstName;

  @Column(name = "preferred_language", length = 8)
  private String preferredLanguage;

  @Column(name = "accept_agreement", nullable = false)
  private boolean acceptAgreement;

  @Column(name = "deposit_currency", nullable = false, length = 8)
  private String depositCurrency;

  @Column(name = "group_name", nullable = false, length = 64)
  private String groupName;

  @Column(name = "leverage_in_cents", nullable = false)
  private int leverageInCents;

  @Enumerated(EnumType.STRING)
  @Column(name = "account_type", nullable = false, length = 16)
  private AccountType accountType;

  @Column(name = "trader_password_hash", length = 32)
  private String traderPasswordHash;

  @Column(name = "trader_requested_at")
  private Long traderRequestedAt;

  @Column(name = "trader_login")
  private Long traderLogin;

  @Column(name = "money_digits")
  private Integer moneyDigits;

  @Column(name = "balance")
  private Long balance;

  @Column(name = "ctid_trader_account_id")
  private Long ctidTraderAccountId;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 255)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  protected TraderAccount() {}

  public TraderAccount(
      long userId,
      Applicant applicant,
      AccountTerms terms,
      String traderPasswordHash,
      Instant now) {
    this.userId = userId;
    this.stage = OpeningStage.REQUESTED;
    this.firstName = applicant.firstName();
    this.preferredLanguage = applicant.preferredLanguage();
    this.acceptAgreement = applicant.acceptsAgreement();
    this.depositCurrency = terms.depositCurrency();
    this.groupName = terms.groupName();
    this.leverageInCents = terms.leverageInCents();
    this.accountType = terms.accountType();
    this.traderPasswordHash = traderPasswordHash;
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
  }

  /** Call 3.3 is about to be sent: from here until its answer, its outcome is unknown. */
  public void traderRequested(Instant now) {
    traderRequestedAt = now.toEpochMilli();
    touch(now);
  }

  /** cTrader refused 3.3, so nothing was opened and it may be sent again. */
  public void traderRefused(Instant now) {
    traderRequestedAt = null;
    touch(now);
  }

  public void traderCreated(Trader trader, Instant now) {
    traderLogin = trader.login();
    moneyDigits = trader.moneyDigits();
    balance = trader.balance() == null ? 0L : trader.balance();
    stage = OpeningStage.TRADER_CREATED;
    touch(now);
  }

  /**
   * An operator found, in cTrader's back office, the trader a 3.3 in doubt opened: the saga links
   * it next. Its deposit currency's digits are not known here; 3.3 opened it with a balance of 0.
   */
  public void foundOpened(long traderLogin, Instant now) {
    requireInDoubt();
    this.traderLogin = traderLogin;
    balance = 0L;
    stage = OpeningStage.TRADER_CREATED;
    touch(now);
  }

  /** An operator found no trader from a 3.3 in doubt: nothing was opened, 3.3 may be sent again. */
  public void foundNotOpened(Instant now) {
    requireInDoubt();
    traderRequestedAt = null;
    touch(now);
  }

  private void requireInDoubt() {
    if (!isInDoubt()) {
      throw new IllegalStateException("Trading account opening " + id + " is not in doubt");
    }
  }

  public void linked(long ctidTraderAccountId, Instant now) {
    this.ctidTraderAccountId = ctidTraderAccountId;
    this.traderPasswordHash = null;
    stage = OpeningStage.LINKED;
    touch(now);
  }

  public void failed(String error, Instant now) {
    attempts++;
    lastError = error == null || error.length() <= 255 ? error : error.substring(0, 255);
    touch(now);
  }

  /**
   * A 3.5 the CRM made was booked: the balance shown moves by {@code delta} (negative for a
   * withdrawal).
   */
  public void balanceMoved(BigDecimal delta, Instant now) {
    int digits = moneyDigits == null ? 2 : moneyDigits;
    long units = delta.movePointRight(digits).setScale(0).longValueExact();
    balance = (balance == null ? 0L : balance) + units;
    touch(now);
  }

  /** 3.3 was sent and no answer came: an account may exist that we do not know the login of. */
  public boolean isInDoubt() {
    return traderLogin == null && traderRequestedAt != null;
  }

  private void touch(Instant now) {
    updatedAt = now.toEpochMilli();
  }

  public long id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public OpeningStage stage() {
    return stage;
  }

  public boolean isLinked() {
    return stage == OpeningStage.LINKED;
  }

  public String firstName() {
    return firstName;
  }

  public String preferredLanguage() {
    return preferredLanguage;
  }

  public boolean acceptsAgreement() {
    return acceptAgreement;
  }

  public AccountTerms terms() {
    return new AccountTerms(depositCurrency, groupName, leverageInCents, accountType);
  }

  public String traderPasswordHash() {
    return traderPasswordHash;
  }

  public Long traderLogin() {
    return traderLogin;
  }

  /**
   * The balance as the CRM knows it (3.3's answer, then its own 3.5 calls); null before 3.3
   * answered.
   */
  public BigDecimal balance() {
    return balance == null
        ? null
        : BigDecimal.valueOf(balance, moneyDigits == null ? 2 : moneyDigits);
  }

  public Integer moneyDigits() {
    return moneyDigits;
  }

  public Long ctidTraderAccountId() {
    return ctidTraderAccountId;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }
}
