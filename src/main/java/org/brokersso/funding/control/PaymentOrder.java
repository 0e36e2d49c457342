package org.brokersso.funding.control;

import java.math.BigDecimal;
import org.brokersso.funding.entity.MovementKind;

/**
 * What the payment provider is asked to do. {@code reference} is the movement's stable reference
 * ({@code dep-<id>}, {@code wdr-<id>}), the provider's idempotency key. {@code sandbox} is the
 * outcome the trader chose on the screen in sandbox mode; only {@link SandboxPaymentProvider} reads
 * it, and a real provider ignores it.
 */
public record PaymentOrder(
    String reference,
    MovementKind kind,
    long userId,
    long traderLogin,
    BigDecimal amount,
    String currency,
    SandboxOutcome sandbox) {}
