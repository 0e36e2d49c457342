package org.brokersso.funding.control;

import org.brokersso.funding.entity.PaymentOutcome;

/** A payment as the provider answered it: its own id for it, and the outcome so far. */
public record Payment(String reference, PaymentOutcome outcome) {}
