package org.brokersso.funding.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MoneyMovementTest {

  private static final Instant NOW = StoredMovements.NOW;
  private static final BigDecimal HUNDRED = StoredMovements.AMOUNT;

  @Test
  @DisplayName(
      "deposit: collected, then credited once with dep-<id>; the balance rises by the amount")
  void depositIsCollectedThenCredited() {
    MoneyMovement deposit = StoredMovements.stored(MovementKind.DEPOSIT, 7);
    assertTrue(deposit.awaitsPayment());
    assertFalse(deposit.awaitsBooking(), "nothing is credited before the money is collected");

    deposit.paymentAnswered("psp-1", PaymentOutcome.APPROVED, NOW);
    assertEquals(MovementState.PAYMENT_APPROVED, deposit.state());
    assertEquals(new Booking(BalanceChangeType.DEPOSIT, "dep-7"), deposit.booking());

    deposit.bookingSent(NOW);
    assertEquals(MovementState.CREDIT_SENT, deposit.state());
    assertFalse(deposit.awaitsBooking(), "a credit that is out is never sent again");
    assertTrue(deposit.isBookingOut());
    assertThrows(IllegalStateException.class, () -> deposit.bookingSent(NOW));

    assertAmount(HUNDRED, deposit.booked(90012001, NOW));
    assertEquals(MovementState.CREDITED, deposit.state());
    assertTrue(deposit.state().isFinal());
    assertEquals(90012001L, deposit.balanceHistoryId());
    assertEquals("psp-1", deposit.paymentReference());
  }

  @Test
  @DisplayName("deposit: a pending payment waits; a declined one ends with nothing to book")
  void depositPaymentPendingThenDeclined() {
    MoneyMovement deposit = StoredMovements.stored(MovementKind.DEPOSIT, 8);
    deposit.paymentAnswered("psp-2", PaymentOutcome.PENDING, NOW);
    assertEquals(MovementState.PAYMENT_PENDING, deposit.state());
    assertTrue(deposit.awaitsPayment());

    deposit.paymentAnswered("psp-2", PaymentOutcome.DECLINED, NOW);
    assertEquals(MovementState.PAYMENT_DECLINED, deposit.state());
    assertTrue(deposit.state().isFinal());
    assertFalse(deposit.awaitsPayment());
    assertThrows(IllegalStateException.class, deposit::booking);
    assertThrows(
        IllegalStateException.class,
        () -> deposit.paymentAnswered("psp-2", PaymentOutcome.APPROVED, NOW));
  }

  @Test
  @DisplayName(
      "deposit: a refused credit waits to be sent again; a lost answer is in doubt until an operator settles it")
  void depositCreditRefusedThenLost() {
    MoneyMovement deposit = StoredMovements.stored(MovementKind.DEPOSIT, 9);
    deposit.paymentAnswered("psp-3", PaymentOutcome.APPROVED, NOW);
    deposit.bookingSent(NOW);

    deposit.bookingRefused(false, "400 UNKNOWN_ERROR", NOW);
    assertEquals(MovementState.PAYMENT_APPROVED, deposit.state());
    assertTrue(deposit.awaitsBooking());
    assertEquals("400 UNKNOWN_ERROR", deposit.lastError());

    deposit.bookingSent(NOW);
    deposit.bookingLost("no answer", NOW);
    assertEquals(MovementState.CREDIT_IN_DOUBT, deposit.state());
    assertTrue(deposit.isInDoubt());
    assertFalse(deposit.awaitsBooking());
    assertThrows(IllegalStateException.class, () -> deposit.bookingSent(NOW));

    deposit.notBooked(NOW);
    assertEquals(
        MovementState.PAYMENT_APPROVED,
        deposit.state(),
        "found not booked: the credit is due again");
    assertThrows(
        IllegalStateException.class,
        () -> deposit.notBooked(NOW),
        "only a booking that is out can be settled");

    deposit.bookingSent(NOW);
    deposit.bookingLost("no answer", NOW);
    assertAmount(HUNDRED, deposit.booked(90012002, NOW), "found booked: credited");
    assertEquals(MovementState.CREDITED, deposit.state());
    assertNull(deposit.lastError());
  }

  @Test
  @DisplayName(
      "withdrawal: debited with wdr-<id> before any payout, then paid out; the balance falls by the amount")
  void withdrawalIsDebitedThenPaidOut() {
    MoneyMovement withdrawal = StoredMovements.stored(MovementKind.WITHDRAWAL, 12);
    assertFalse(withdrawal.awaitsPayment(), "nothing is paid out before the debit");
    assertEquals(new Booking(BalanceChangeType.WITHDRAW, "wdr-12"), withdrawal.booking());

    withdrawal.bookingSent(NOW);
    assertEquals(MovementState.DEBIT_SENT, withdrawal.state());
    assertAmount(HUNDRED.negate(), withdrawal.booked(90012003, NOW));
    assertEquals(MovementState.DEBITED, withdrawal.state());
    assertTrue(withdrawal.awaitsPayment());
    assertFalse(withdrawal.awaitsBooking());

    withdrawal.paymentAnswered("payout-1", PaymentOutcome.PENDING, NOW);
    assertEquals(MovementState.PAYOUT_PENDING, withdrawal.state());
    withdrawal.paymentAnswered("payout-1", PaymentOutcome.APPROVED, NOW);
    assertEquals(MovementState.PAID_OUT, withdrawal.state());
    assertTrue(withdrawal.state().isFinal());
  }

  @Test
  @DisplayName(
      "withdrawal: NOT_ENOUGH_MONEY ends it as such; any other refusal, or an operator's 'not booked', ends it not debited")
  void withdrawalRefusals() {
    MoneyMovement poor = StoredMovements.stored(MovementKind.WITHDRAWAL, 13);
    poor.bookingSent(NOW);
    poor.bookingRefused(true, "400 NOT_ENOUGH_MONEY", NOW);
    assertEquals(MovementState.REFUSED_NOT_ENOUGH_MONEY, poor.state());
    assertTrue(poor.state().isFinal());

    MoneyMovement refused = StoredMovements.stored(MovementKind.WITHDRAWAL, 14);
    refused.bookingSent(NOW);
    refused.bookingRefused(false, "400 TRADER_NOT_FOUND", NOW);
    assertEquals(MovementState.NOT_DEBITED, refused.state());

    MoneyMovement lost = StoredMovements.stored(MovementKind.WITHDRAWAL, 15);
    lost.bookingSent(NOW);
    lost.bookingLost("no answer", NOW);
    assertEquals(MovementState.DEBIT_IN_DOUBT, lost.state());
    lost.notBooked(NOW);
    assertEquals(MovementState.NOT_DEBITED, lost.state());
  }

  @Test
  @DisplayName(
      "withdrawal: a declined payout is re-credited once with wdr-rev-<id>, keeping the debit's balanceHistoryId")
  void declinedPayoutIsReversed() {
    MoneyMovement withdrawal = StoredMovements.stored(MovementKind.WITHDRAWAL, 16);
    withdrawal.bookingSent(NOW);
    withdrawal.booked(90012004, NOW);
    withdrawal.paymentAnswered("payout-2", PaymentOutcome.DECLINED, NOW);
    assertEquals(MovementState.PAYOUT_FAILED, withdrawal.state());
    assertFalse(withdrawal.state().isFinal(), "the debited money must go back");
    assertEquals(new Booking(BalanceChangeType.DEPOSIT, "wdr-rev-16"), withdrawal.booking());

    withdrawal.bookingSent(NOW);
    withdrawal.bookingRefused(false, "400 UNKNOWN_ERROR", NOW);
    assertEquals(
        MovementState.PAYOUT_FAILED,
        withdrawal.state(),
        "a refused re-credit waits to be sent again");
    withdrawal.bookingSent(NOW);
    withdrawal.bookingLost("no answer", NOW);
    assertEquals(MovementState.REVERSAL_IN_DOUBT, withdrawal.state());

    assertAmount(HUNDRED, withdrawal.booked(90012005, NOW));
    assertEquals(MovementState.REVERSED, withdrawal.state());
    assertEquals(90012004L, withdrawal.balanceHistoryId());
    assertEquals(90012005L, withdrawal.reversalHistoryId());
  }

  @Test
  @DisplayName("the amount is kept exactly and sent without the column's trailing zeros")
  void amounts() {
    MoneyMovement movement = StoredMovements.stored(MovementKind.DEPOSIT, 17);
    StoredMovements.set(movement, "amount", new BigDecimal("100.00000000"));
    assertEquals("100", movement.amount().toPlainString());
    StoredMovements.set(movement, "amount", new BigDecimal("0.00012345"));
    assertEquals("0.00012345", movement.amount().toPlainString());
    assertTrue(
        movement.isSameRequest(11, MovementKind.DEPOSIT, 3100042, new BigDecimal("0.000123450")));
    assertFalse(
        movement.isSameRequest(11, MovementKind.WITHDRAWAL, 3100042, new BigDecimal("0.00012345")));
    assertFalse(
        movement.isSameRequest(12, MovementKind.DEPOSIT, 3100042, new BigDecimal("0.00012345")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MoneyMovement(MovementKind.DEPOSIT, 1, 2, BigDecimal.ZERO, "USD", "k", NOW));
  }

  @Test
  void unfinishedStatesAreExactlyTheNonFinalOnes() {
    assertEquals(
        Arrays.stream(MovementState.values()).filter(s -> !s.isFinal()).toList(),
        Arrays.asList(MoneyMovement.unfinishedStates()));
    assertEquals(6, MovementState.values().length - MoneyMovement.unfinishedStates().length);
  }

  private static void assertAmount(BigDecimal expected, BigDecimal actual, String... why) {
    assertEquals(
        0, expected.compareTo(actual), expected + " vs " + actual + " " + String.join("", why));
  }
}
