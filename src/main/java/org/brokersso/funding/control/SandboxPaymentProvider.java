package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.brokersso.funding.entity.PaymentOutcome;

/**
 * SANDBOX: a payment provider that moves no money and decides at once, as the order's {@link
 * SandboxOutcome} says. It keeps its payments in memory. A restart forgets them, and then a start
 * whose instruction is gone, or the outcome of an unknown payment, is DECLINED: the safe answer for
 * money that was never collected. Only {@link PaymentProviderSelector} hands it out, and only in
 * sandbox mode.
 */
@ApplicationScoped
@Typed(SandboxPaymentProvider.class)
public class SandboxPaymentProvider implements PaymentProvider {

  private static final Logger LOG = Logger.getLogger(SandboxPaymentProvider.class.getName());

  private final Map<String, Payment> byOrder = new ConcurrentHashMap<>();
  private final Map<String, PaymentOutcome> outcomes = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public Payment start(PaymentOrder order) {
    return byOrder.computeIfAbsent(
        order.reference(),
        reference -> {
          PaymentOutcome outcome =
              order.sandbox() == SandboxOutcome.APPROVE
                  ? PaymentOutcome.APPROVED
                  : PaymentOutcome.DECLINED;
          Payment payment = new Payment("sandbox-" + UUID.randomUUID(), outcome);
          outcomes.put(payment.reference(), outcome);
          LOG.info(
              () ->
                  "SANDBOX payment "
                      + payment.reference()
                      + " for "
                      + reference
                      + " ("
                      + order.kind()
                      + " "
                      + order.amount()
                      + " "
                      + order.currency()
                      + "): "
                      + outcome
                      + ", no money moved");
          return payment;
        });
  }

  @Override
  public PaymentOutcome outcome(String paymentReference) {
    return outcomes.getOrDefault(paymentReference, PaymentOutcome.DECLINED);
  }
}
