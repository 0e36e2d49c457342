package org.brokersso.ctrader.control;

/**
 * No answer from cTrader's backend: connection refused, time-out, a 5xx without an error body. For
 * a non-GET call the outcome is unknown, so it is never repeated blindly.
 */
public final class CtraderUnreachable extends CtraderFailure {

  public CtraderUnreachable(String message, Throwable cause) {
    super(message, cause);
  }
}
