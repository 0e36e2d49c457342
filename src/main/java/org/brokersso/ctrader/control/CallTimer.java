package org.brokersso.ctrader.control;

import java.time.Duration;

/**
 * Told of every call to cTrader's backend once it is over (its repetitions included): the call
 * number, the outcome ({@code ok}, {@code rejected}, {@code rate_limited}, {@code unreachable}) and
 * how long it took. The metrics listen here; {@code ctrader} does not know them.
 */
@FunctionalInterface
public interface CallTimer {

  CallTimer NONE = (call, outcome, took) -> {};

  void record(String call, String outcome, Duration took);
}
