package org.brokersso.sso.entity;

/**
 * A request the contract refuses. Thrown by control code, written as {@code {error, message, code}}
 * by {@code ContractErrorMapper}. The message is shown to cTrader, so it never holds a secret.
 */
public class ContractViolation extends RuntimeException {

  private final ContractError error;

  public ContractViolation(ContractError error, String message) {
    // no stack trace: a refusal is an answer, not a fault, and some come in floods
    super(message, null, false, false);
    this.error = error;
  }

  public ContractError error() {
    return error;
  }
}
