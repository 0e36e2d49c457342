package org.brokersso.sso.entity;

import java.time.Duration;
import java.util.Optional;
import org.brokersso.persistence.Refusal;

/**
 * A request the contract refuses. Thrown by control code, written as {@code {error, message, code}}
 * by {@code ContractErrorMapper}. The message is shown to cTrader, so it never holds a secret.
 */
public class ContractViolation extends Refusal {

  private final ContractError error;
  private final Duration retryAfter;

  public ContractViolation(ContractError error, String message) {
    this(error, message, null);
  }

  /** A refusal that ends once {@code retryAfter} has passed (answered with {@code Retry-After}). */
  public ContractViolation(ContractError error, String message, Duration retryAfter) {
    super(message);
    this.error = error;
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public ContractError error() {
    return error;
  }
}
