package org.brokersso.sso.entity;

import org.brokersso.persistence.Refusal;

/**
 * A request the contract refuses. Thrown by control code, written as {@code {error, message, code}}
 * by {@code ContractErrorMapper}. The message is shown to cTrader, so it never holds a secret.
 */
public class ContractViolation extends Refusal {

  private final ContractError error;

  public ContractViolation(ContractError error, String message) {
    super(message);
    this.error = error;
  }

  public ContractError error() {
    return error;
  }
}
