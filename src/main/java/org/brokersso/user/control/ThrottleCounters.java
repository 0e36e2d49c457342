package org.brokersso.user.control;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Counters of recent failures under text keys, for {@link LoginThrottle}, {@link SignupMailLimit}
 * and the back-off of call 4.1. The guarantee: every instance of a cluster sees the same counters,
 * and {@link #add} counts each failure once even when instances count the same key at the same
 * moment, so a cluster allows no more attempts than one instance (docs/operations.md).
 */
public interface ThrottleCounters {

  /** The counters of these keys that exist; a key never counted, or dropped, is absent. */
  Map<String, RecentFailures> read(Collection<String> keys);

  /**
   * Counts one failure on {@code key} at {@code now}: a new counter, or one that {@code forgotten}
   * says is over, starts again at one. {@code forgetAt} says when the resulting counter stops
   * mattering, after which it may be dropped. Answers the counter as it now stands.
   */
  RecentFailures add(
      String key,
      Instant now,
      Predicate<RecentFailures> forgotten,
      Function<RecentFailures, Instant> forgetAt);

  /** Drops the counters of these keys. */
  void forget(Collection<String> keys);
}
