package org.brokersso.user.control;

import org.brokersso.persistence.Refusal;

/**
 * Every permit to hash a password stayed taken for the whole of {@code user.password.hashing-wait}.
 * Screens answer "try again in a moment"; the trader's password was not checked, so nothing counts
 * as a failed login.
 */
public class PasswordHashingBusy extends Refusal {

  public PasswordHashingBusy() {
    super("Too many passwords are being checked at once; try again in a moment");
  }
}
