package org.brokersso.ctrader.control;

/**
 * No usable answer from cTrader's backend: connection refused, time-out, a dropped connection, a
 * 5xx without an error body, or a 5xx whose error code does not say that nothing was done ({@code
 * UNKNOWN_ERROR}, a code the product does not know). For a non-GET call the outcome is unknown (in
 * doubt), so it is never repeated blindly.
 */
public final class CtraderUnreachable extends CtraderFailure {

  public CtraderUnreachable(String message, Throwable cause) {
    super(message, cause);
  }
}
