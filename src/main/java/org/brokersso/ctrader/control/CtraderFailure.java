package org.brokersso.ctrader.control;

/**
 * A call to cTrader's backend that did not succeed. The two kinds differ in what the caller may
 * conclude: a {@link CtraderRejection} means the backend answered and did not act; a {@link
 * CtraderUnreachable} means no answer came, so a non-GET call may or may not have acted.
 */
public abstract sealed class CtraderFailure extends RuntimeException
    permits CtraderRejection, CtraderUnreachable {

  protected CtraderFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
