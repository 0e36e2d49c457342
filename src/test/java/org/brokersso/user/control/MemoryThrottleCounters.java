package org.brokersso.user.control;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link ThrottleCounters} of one test, in memory: what the throttles' unit tests count with. The
 * database's implementation is exercised by the integration tests (ClusterIT across instances).
 */
public final class MemoryThrottleCounters implements ThrottleCounters {

  private record Row(RecentFailures counter, Instant forgetAt) {}

  private final Map<String, Row> rows = new HashMap<>();

  @Override
  public synchronized Map<String, RecentFailures> read(Collection<String> keys) {
    Map<String, RecentFailures> found = new HashMap<>();
    for (String key : keys) {
      RecentFailures counter = counter(key);
      if (counter != null) {
        found.put(key, counter);
      }
    }
    return found;
  }

  @Override
  public synchronized RecentFailures add(
      String key,
      Instant now,
      Predicate<RecentFailures> forgotten,
      Function<RecentFailures, Instant> forgetAt) {
    RecentFailures current = counter(key);
    RecentFailures next =
        current == null || forgotten.test(current)
            ? RecentFailures.first(now)
            : current.plusOne(now);
    rows.put(key, new Row(next, forgetAt.apply(next)));
    return next;
  }

  @Override
  public synchronized void forget(Collection<String> keys) {
    keys.forEach(rows::remove);
  }

  /** When the counter of {@code key} may be dropped, as the throttle said. */
  public synchronized Instant forgetAt(String key) {
    return rows.get(key).forgetAt();
  }

  private RecentFailures counter(String key) {
    Row row = rows.get(key);
    return row == null ? null : row.counter();
  }
}
