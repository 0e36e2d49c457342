package org.brokersso.funding.entity;

import static org.brokersso.funding.entity.MovementState.CREDIT_IN_DOUBT;
import static org.brokersso.funding.entity.MovementState.DEBITED;
import static org.brokersso.funding.entity.MovementState.DEBIT_IN_DOUBT;
import static org.brokersso.funding.entity.MovementState.PAID_OUT;
import static org.brokersso.funding.entity.MovementState.PAYMENT_APPROVED;
import static org.brokersso.funding.entity.MovementState.PAYMENT_DECLINED;
import static org.brokersso.funding.entity.MovementState.PAYMENT_PENDING;
import static org.brokersso.funding.entity.MovementState.PAYOUT_FAILED;
import static org.brokersso.funding.entity.MovementState.PAYOUT_PENDING;
import static org.brokersso.funding.entity.MovementState.REFUSED_NOT_ENOUGH_MONEY;
import static org.brokersso.funding.entity.MovementState.REQUESTED;
import static org.brokersso.funding.entity.MovementState.REVERSAL_IN_DOUBT;

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
import java.util.Arrays;
import java.util.Optional;

/**
 * One deposit or withdrawal of one trading account, and the state machine that moves it exactly
 * once.
 *
 * <pre>
 * Deposit     REQUESTED → [PAYMENT_PENDING →] PAYMENT_APPROVED | PAYMENT_DECLINED
 *             PAYMENT_APPROVED → CREDIT_SENT → CREDITED
 *                 | PAYMENT_APPROVED (refused) | CREDIT_IN_DOUBT (no answer)
 * Withdrawal  REQUESTED → DEBIT_SENT → DEBITED
 *                 | REFUSED_NOT_ENOUGH_MONEY | NOT_DEBITED (other refusal) | DEBIT_IN_DOUBT (no answer)
 *             DEBITED → [PAYOUT_PENDING →] PAID_OUT | PAYOUT_FAILED
 *             PAYOUT_FAILED → REVERSAL_SENT → REVERSED
 *                 | PAYOUT_FAILED (refused) | REVERSAL_IN_DOUBT (no answer)
 * Settled     *_IN_DOUBT, or a *_SENT a crash left → booked:     CREDITED | DEBITED | REVERSED
 *                                                 → not booked: PAYMENT_APPROVED | NOT_DEBITED | PAYOUT_FAILED
 * Final       CREDITED, PAID_OUT; PAYMENT_DECLINED, REFUSED_NOT_ENOUGH_MONEY, NOT_DEBITED, REVERSED
 * </pre>
 *
 * <p>Each of the three bookings (credit, debit, reversal) follows the same rule. The movement
 * enters {@code *_SENT} before 3.5 goes out, and only the caller who made that transition sends it.
 * A rejection proves that cTrader did not act, so the movement goes back to waiting (credit,
 * reversal), or ends with nothing moved (debit). Any call without an answer moves it to {@code
 * *_IN_DOUBT}. Nothing resends from there, nor from a {@code *_SENT} that a crash left behind: 3.5
 * is not idempotent (spec §9). An operator looks for the {@code externalId} in cTrader's balance
 * history and settles it with {@link #booked} or {@link #notBooked}.
 *
 * <p>No movement is lost. A final state is reached only once the money has been booked, returned,
 * or never moved. Every other state names the next step, so a movement stopped by a failure or a
 * crash can be completed later. The payment provider is asked with the same reference each time and
 * never pays twice.
 */
@Entity
@Table(name = "money_movement")
@NamedQuery(
    name = MoneyMovement.BY_REQUEST_KEY,
    query = "SELECT m FROM MoneyMovement m WHERE m.requestKey = :requestKey")
@NamedQuery(
    name = MoneyMovement.OF_USER,
    query = "SELECT m FROM MoneyMovement m WHERE m.userId = :userId ORDER BY m.id DESC")
@NamedQuery(
    name = MoneyMovement.UNFINISHED,
    query = "SELECT m FROM MoneyMovement m WHERE m.state IN :states ORDER BY m.id")
public class MoneyMovement {

  public static final String BY_REQUEST_KEY = "MoneyMovement.byRequestKey";
  public static final String OF_USER = "MoneyMovement.ofUser";
  public static final String UNFINISHED = "MoneyMovement.unfinished";

  /** The longest idempotency key a screen may send. */
  public static final int REQUEST_KEY_LENGTH = 64;

  /**
   * The largest amount the {@code amount} column (DECIMAL(19,8): 11 digits before the point) can
   * hold; a larger one would fail the insert.
   */
  public static final BigDecimal LARGEST_AMOUNT = new BigDecimal("99999999999.99999999");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "trader_login", nullable = false)
  private long traderLogin;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private MovementKind kind;

  // exact, as the trader typed it; 3.5's preciseAmount has at most 8 decimals
  @Column(name = "amount", nullable = false, precision = 19, scale = 8)
  private BigDecimal amount;

  @Column(name = "currency", nullable = false, length = 8)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 24)
  private MovementState state;

  @Column(name = "request_key", nullable = false, length = REQUEST_KEY_LENGTH)
  private String requestKey;

  @Column(name = "payment_reference", length = 128)
  private String paymentReference;

  @Column(name = "balance_history_id")
  private Long balanceHistoryId;

  @Column(name = "reversal_history_id")
  private Long reversalHistoryId;

  @Column(name = "last_error", length = 255)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  protected MoneyMovement() {}

  public MoneyMovement(
      MovementKind kind,
      long userId,
      long traderLogin,
      BigDecimal amount,
      String currency,
      String requestKey,
      Instant now) {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException(
          "A movement's amount is positive; its kind gives the direction");
    }
    this.kind = kind;
    this.userId = userId;
    this.traderLogin = traderLogin;
    this.amount = amount;
    this.currency = currency;
    this.requestKey = requestKey;
    this.state = REQUESTED;
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
  }

  /** The states a retry job or an operator still has to look at. */
  public static MovementState[] unfinishedStates() {
    return Arrays.stream(MovementState.values())
        .filter(s -> !s.isFinal())
        .toArray(MovementState[]::new);
  }

  /**
   * Whether a repeated request (same key) asks for the same thing; the amount compared by value.
   */
  public boolean isSameRequest(
      long userId, MovementKind kind, long traderLogin, BigDecimal amount) {
    return this.userId == userId
        && this.kind == kind
        && this.traderLogin == traderLogin
        && this.amount.compareTo(amount) == 0;
  }

  /** The payment provider is due: a deposit's collection, or a debited withdrawal's payout. */
  public boolean awaitsPayment() {
    return kind == MovementKind.DEPOSIT
        ? state == REQUESTED || state == PAYMENT_PENDING
        : state == DEBITED || state == PAYOUT_PENDING;
  }

  /** A call 3.5 is due and may be sent: nothing of it is out. */
  public boolean awaitsBooking() {
    return due().isPresent();
  }

  /** A call 3.5 is out, or its answer was lost: it must not be sent again, only settled. */
  public boolean isBookingOut() {
    return out().isPresent();
  }

  /**
   * 3.5's answer was lost: only an operator may settle it ({@link #booked}, {@link #notBooked}).
   */
  public boolean isInDoubt() {
    return state == CREDIT_IN_DOUBT || state == DEBIT_IN_DOUBT || state == REVERSAL_IN_DOUBT;
  }

  /** The 3.5 due now; its {@code externalId} stays the same however often it is attempted. */
  public Booking booking() {
    return due().or(this::out).orElseThrow(() -> illegal("a booking")).booking(id);
  }

  /**
   * The movement's reference at the payment provider and in cTrader ({@code dep-<id>}, {@code
   * wdr-<id>}).
   */
  public String reference() {
    return kind.reference(id);
  }

  /** The payment provider answered the collection (deposit) or payout (withdrawal). */
  public void paymentAnswered(String paymentReference, PaymentOutcome outcome, Instant now) {
    if (!awaitsPayment()) {
      throw illegal("a payment answer");
    }
    this.paymentReference = paymentReference;
    boolean deposit = kind == MovementKind.DEPOSIT;
    state =
        switch (outcome) {
          case APPROVED -> deposit ? PAYMENT_APPROVED : PAID_OUT;
          case DECLINED -> deposit ? PAYMENT_DECLINED : PAYOUT_FAILED;
          case PENDING -> deposit ? PAYMENT_PENDING : PAYOUT_PENDING;
        };
    touch(now);
  }

  /** 3.5 is about to be sent: from here until its answer, whether cTrader acted is unknown. */
  public void bookingSent(Instant now) {
    state = due().orElseThrow(() -> illegal("sending 3.5")).sent;
    touch(now);
  }

  /**
   * cTrader booked the change (its answer, or an operator found it); answers the balance's change.
   */
  public BigDecimal booked(long balanceHistoryId, Instant now) {
    BookingPhase phase = out().orElseThrow(() -> illegal("a booking"));
    if (phase == BookingPhase.REVERSAL) {
      reversalHistoryId = balanceHistoryId;
    } else {
      this.balanceHistoryId = balanceHistoryId;
    }
    state = phase.booked;
    lastError = null;
    touch(now);
    return phase.delta(amount());
  }

  /** cTrader refused 3.5, so it did not act: the booking waits again, or a debit ends. */
  public void bookingRefused(boolean notEnoughMoney, String error, Instant now) {
    BookingPhase phase = out().orElseThrow(() -> illegal("a refusal"));
    state =
        phase == BookingPhase.DEBIT && notEnoughMoney ? REFUSED_NOT_ENOUGH_MONEY : phase.notBooked;
    failed(error, now);
  }

  /** No answer to 3.5: cTrader may or may not have booked it. */
  public void bookingLost(String error, Instant now) {
    state = out().orElseThrow(() -> illegal("a lost answer")).inDoubt;
    failed(error, now);
  }

  /**
   * An operator found no booking with this {@code externalId} in cTrader: as if it had been
   * refused.
   */
  public void notBooked(Instant now) {
    state = out().orElseThrow(() -> illegal("settling a doubt")).notBooked;
    touch(now);
  }

  /** A step failed without changing the state (the payment provider could not be reached). */
  public void failed(String error, Instant now) {
    lastError = error == null || error.length() <= 255 ? error : error.substring(0, 255);
    touch(now);
  }

  private Optional<BookingPhase> due() {
    return BookingPhase.due(kind, state);
  }

  private Optional<BookingPhase> out() {
    return BookingPhase.out(state);
  }

  private IllegalStateException illegal(String what) {
    return new IllegalStateException(
        kind + " " + id + " is " + state + ": " + what + " does not apply");
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

  public long traderLogin() {
    return traderLogin;
  }

  public MovementKind kind() {
    return kind;
  }

  /**
   * The amount, positive, without the trailing zeros the column's scale adds (3.5's {@code
   * preciseAmount}).
   */
  public BigDecimal amount() {
    BigDecimal plain = amount.stripTrailingZeros();
    return plain.scale() < 0 ? plain.setScale(0) : plain;
  }

  public String currency() {
    return currency;
  }

  public MovementState state() {
    return state;
  }

  public String requestKey() {
    return requestKey;
  }

  /** The payment provider's id of the collection or payout; null before it answered. */
  public String paymentReference() {
    return paymentReference;
  }

  /** 3.5's answer for the credit (deposit) or debit (withdrawal). */
  public Long balanceHistoryId() {
    return balanceHistoryId;
  }

  /** 3.5's answer for the re-credit of a withdrawal whose payout failed. */
  public Long reversalHistoryId() {
    return reversalHistoryId;
  }

  public String lastError() {
    return lastError;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Instant updatedAt() {
    return Instant.ofEpochMilli(updatedAt);
  }

  @Override
  public String toString() {
    return kind
        + " "
        + id
        + " "
        + state
        + " "
        + amount().toPlainString()
        + " "
        + currency
        + " login "
        + traderLogin;
  }
}
