package org.brokersso.funding.control;

/**
 * The payment provider could not be reached or gave no usable answer; the movement waits for a
 * retry.
 */
public class PaymentUnavailable extends RuntimeException {

  public PaymentUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
