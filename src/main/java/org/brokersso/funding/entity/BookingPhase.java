package org.brokersso.funding.entity;

import static org.brokersso.funding.entity.MovementState.CREDITED;
import static org.brokersso.funding.entity.MovementState.CREDIT_IN_DOUBT;
import static org.brokersso.funding.entity.MovementState.CREDIT_SENT;
import static org.brokersso.funding.entity.MovementState.DEBITED;
import static org.brokersso.funding.entity.MovementState.DEBIT_IN_DOUBT;
import static org.brokersso.funding.entity.MovementState.DEBIT_SENT;
import static org.brokersso.funding.entity.MovementState.NOT_DEBITED;
import static org.brokersso.funding.entity.MovementState.PAYMENT_APPROVED;
import static org.brokersso.funding.entity.MovementState.PAYOUT_FAILED;
import static org.brokersso.funding.entity.MovementState.REQUESTED;
import static org.brokersso.funding.entity.MovementState.REVERSAL_IN_DOUBT;
import static org.brokersso.funding.entity.MovementState.REVERSAL_SENT;
import static org.brokersso.funding.entity.MovementState.REVERSED;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import org.brokersso.ctrader.entity.BalanceChangeType;

/**
 * The three bookings a movement may need in cTrader (call 3.5), which all follow one rule: from
 * which state each is sent, what it sends, and where each answer leads. Not booked (refused, or
 * found absent by an operator) leads back to waiting for a credit or a re-credit, and ends a debit.
 */
enum BookingPhase {
  CREDIT(
      "dep-",
      BalanceChangeType.DEPOSIT,
      1,
      PAYMENT_APPROVED,
      CREDIT_SENT,
      CREDIT_IN_DOUBT,
      CREDITED,
      PAYMENT_APPROVED),
  DEBIT(
      "wdr-",
      BalanceChangeType.WITHDRAW,
      -1,
      REQUESTED,
      DEBIT_SENT,
      DEBIT_IN_DOUBT,
      DEBITED,
      NOT_DEBITED),
  REVERSAL(
      "wdr-rev-",
      BalanceChangeType.DEPOSIT,
      1,
      PAYOUT_FAILED,
      REVERSAL_SENT,
      REVERSAL_IN_DOUBT,
      REVERSED,
      PAYOUT_FAILED);

  private final String externalIdPrefix;
  private final BalanceChangeType type;
  private final int sign;
  private final MovementState waiting;
  final MovementState sent;
  final MovementState inDoubt;
  final MovementState booked;
  final MovementState notBooked;

  BookingPhase(
      String externalIdPrefix,
      BalanceChangeType type,
      int sign,
      MovementState waiting,
      MovementState sent,
      MovementState inDoubt,
      MovementState booked,
      MovementState notBooked) {
    this.externalIdPrefix = externalIdPrefix;
    this.type = type;
    this.sign = sign;
    this.waiting = waiting;
    this.sent = sent;
    this.inDoubt = inDoubt;
    this.booked = booked;
    this.notBooked = notBooked;
  }

  /**
   * The booking due in this state, which nothing has sent yet; a deposit's REQUESTED waits for its
   * payment.
   */
  static Optional<BookingPhase> due(MovementKind kind, MovementState state) {
    if (state == REQUESTED && kind == MovementKind.DEPOSIT) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(p -> p.waiting == state).findFirst();
  }

  /** The booking that is out (sent, or its answer lost) in this state. */
  static Optional<BookingPhase> out(MovementState state) {
    return Arrays.stream(values()).filter(p -> p.sent == state || p.inDoubt == state).findFirst();
  }

  Booking booking(long movementId) {
    return new Booking(type, externalIdPrefix + movementId);
  }

  /** How the trading account's balance moves once this booking is made. */
  BigDecimal delta(BigDecimal amount) {
    return sign > 0 ? amount : amount.negate();
  }
}
