package org.brokersso.funding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import org.brokersso.funding.entity.MovementKind;
import org.brokersso.funding.entity.PaymentOutcome;
import org.junit.jupiter.api.Test;

class SandboxPaymentProviderTest {

  private final SandboxPaymentProvider provider = new SandboxPaymentProvider();

  private static PaymentOrder order(String reference, SandboxOutcome outcome) {
    return new PaymentOrder(
        reference, MovementKind.DEPOSIT, 1, 3100001, new BigDecimal("50"), "USD", outcome);
  }

  @Test
  void decidesAsTheScreenSays() {
    assertEquals(
        PaymentOutcome.APPROVED, provider.start(order("dep-1", SandboxOutcome.APPROVE)).outcome());
    assertEquals(
        PaymentOutcome.DECLINED, provider.start(order("dep-2", SandboxOutcome.DECLINE)).outcome());
    assertEquals(
        PaymentOutcome.DECLINED,
        provider.start(order("dep-3", null)).outcome(),
        "no instruction (lost with a restart): declined");
  }

  @Test
  void startingTheSameReferenceAgainAnswersTheFirstPayment() {
    Payment first = provider.start(order("wdr-4", SandboxOutcome.APPROVE));
    assertEquals(first, provider.start(order("wdr-4", SandboxOutcome.DECLINE)));
    assertNotEquals(
        first.reference(), provider.start(order("wdr-5", SandboxOutcome.APPROVE)).reference());
    assertEquals(PaymentOutcome.APPROVED, provider.outcome(first.reference()));
    assertEquals(PaymentOutcome.DECLINED, provider.outcome("sandbox-unknown"));
  }
}
