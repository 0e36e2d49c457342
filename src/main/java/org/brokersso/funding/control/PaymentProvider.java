package org.brokersso.funding.control;

import org.brokersso.funding.entity.PaymentOutcome;

/**
 * The broker's payment service provider: collects a deposit from the trader, or pays a withdrawal
 * out (cTrader is no payment processor, §6.6 stage 15). The one implementation in use comes from
 * {@link PaymentProviderSelector}.
 *
 * <p>Guarantee: {@link #start} is idempotent on {@link PaymentOrder#reference()}. Starting the same
 * reference again answers the payment the first start made and moves no money twice, so a movement
 * interrupted around a start may simply start again. A provider that cannot be reached throws
 * {@link PaymentUnavailable}, and the movement waits for a retry.
 */
public interface PaymentProvider {

  /** Which implementation answers: "sandbox", or the provider's name. */
  String name();

  /**
   * Starts collecting (deposit) or paying out (withdrawal); answers the payment and what is known
   * of it.
   */
  Payment start(PaymentOrder order);

  /** What became of a payment that was {@link PaymentOutcome#PENDING}. */
  PaymentOutcome outcome(String paymentReference);
}
