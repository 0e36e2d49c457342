package org.brokersso.persistence;

/**
 * A request refused by the rules, answered with a 4xx. A refusal is an answer, not a fault: the
 * boundary's transaction still commits what was recorded on the way (the audit row of the refusal,
 * the revocation a replayed token triggers), which is why {@link Boundary} does not roll back on
 * it. Code that refuses decides before it changes anything else.
 */
public abstract class Refusal extends RuntimeException {

  protected Refusal(String message) {
    // no stack trace: refusals are expected, and some come in floods
    super(message, null, false, false);
  }
}
