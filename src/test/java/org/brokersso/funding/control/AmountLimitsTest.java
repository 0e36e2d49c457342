package org.brokersso.funding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.brokersso.funding.entity.MovementKind;
import org.junit.jupiter.api.Test;

class AmountLimitsTest {

  private final AmountLimits limits =
      new AmountLimits(
          new BigDecimal("10"),
          new BigDecimal("50000"),
          new BigDecimal("1000"),
          new BigDecimal("20"),
          new BigDecimal("25000"));

  private Optional<FundingReason> deposit(String amount, int digits) {
    return limits.refusal(
        MovementKind.DEPOSIT, amount == null ? null : new BigDecimal(amount), digits);
  }

  @Test
  void anAmountIsPositiveAndNoFinerThanTheCurrency() {
    assertEquals(Optional.of(FundingReason.AMOUNT_INVALID), deposit(null, 2));
    assertEquals(Optional.of(FundingReason.AMOUNT_INVALID), deposit("0", 2));
    assertEquals(Optional.of(FundingReason.AMOUNT_INVALID), deposit("-20", 2));
    assertEquals(Optional.of(FundingReason.AMOUNT_INVALID), deposit("20.001", 2));
    assertEquals(
        Optional.of(FundingReason.AMOUNT_INVALID), deposit("20.5", 0), "JPY has no minor unit");
    assertEquals(Optional.empty(), deposit("20.010", 2), "trailing zeros are no extra precision");
    assertEquals(Optional.empty(), deposit("20.12345678", 8));
  }

  @Test
  void depositsStayWithinTheLimits() {
    assertEquals(Optional.of(FundingReason.AMOUNT_TOO_SMALL), deposit("9.99", 2));
    assertEquals(Optional.empty(), deposit("10", 2));
    assertEquals(Optional.empty(), deposit("50000.00", 2));
    assertEquals(Optional.of(FundingReason.AMOUNT_TOO_LARGE), deposit("50000.01", 2));
  }

  private Optional<FundingReason> withdrawal(String amount) {
    return limits.refusal(MovementKind.WITHDRAWAL, new BigDecimal(amount), 2);
  }

  @Test
  void withdrawalsStayWithinTheirOwnLimits() {
    assertEquals(Optional.of(FundingReason.AMOUNT_TOO_SMALL), withdrawal("5"), "issue 14: 5 USD");
    assertEquals(Optional.of(FundingReason.AMOUNT_TOO_SMALL), withdrawal("19.99"));
    assertEquals(Optional.empty(), withdrawal("20"));
    assertEquals(Optional.empty(), withdrawal("25000.00"));
    assertEquals(Optional.of(FundingReason.AMOUNT_TOO_LARGE), withdrawal("25000.01"));
    assertEquals(Optional.of(FundingReason.AMOUNT_INVALID), withdrawal("20.001"));
    assertEquals(new BigDecimal("20"), limits.min(MovementKind.WITHDRAWAL));
    assertEquals(new BigDecimal("50000"), limits.max(MovementKind.DEPOSIT));
  }

  @Test
  void everyAmountFitsItsRecordAndCtradersUnits() {
    BigDecimal huge = new BigDecimal("1E+30");
    AmountLimits generous = new AmountLimits(BigDecimal.ONE, huge, huge, BigDecimal.ONE, huge);
    assertEquals(
        Optional.of(FundingReason.AMOUNT_TOO_LARGE),
        generous.refusal(MovementKind.WITHDRAWAL, new BigDecimal("100000000000"), 2),
        "12 digits before the point do not fit DECIMAL(19,8), whatever funding.withdrawal.max");
    assertEquals(
        Optional.of(FundingReason.AMOUNT_TOO_LARGE),
        generous.refusal(MovementKind.WITHDRAWAL, new BigDecimal("1E+400"), 2));
    assertEquals(
        Optional.empty(),
        generous.refusal(MovementKind.WITHDRAWAL, new BigDecimal("99999999999.99"), 2),
        "the largest the column holds");
    assertEquals(
        Optional.of(FundingReason.AMOUNT_TOO_LARGE),
        generous.refusal(MovementKind.WITHDRAWAL, new BigDecimal("99999999999.5"), 8),
        "fits the column, but not cTrader's units (a long) with 8 money digits");
    assertEquals(
        Optional.of(FundingReason.AMOUNT_TOO_LARGE),
        generous.refusal(MovementKind.DEPOSIT, new BigDecimal("100000000000"), 2),
        "a funding.deposit.max beyond the column does not lift the bound");
  }

  @Test
  void onlyDepositsAboveTheThresholdNeedKyc() {
    assertFalse(limits.needsKyc(MovementKind.DEPOSIT, new BigDecimal("1000.00")));
    assertTrue(limits.needsKyc(MovementKind.DEPOSIT, new BigDecimal("1000.01")));
    assertFalse(limits.needsKyc(MovementKind.WITHDRAWAL, new BigDecimal("5000")));
  }
}
