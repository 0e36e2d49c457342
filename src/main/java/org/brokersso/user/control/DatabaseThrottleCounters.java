package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.brokersso.tokens.control.TokenHasher;

/**
 * {@link ThrottleCounters} in the database every instance shares (table {@code throttle_counter},
 * migration V11), so that the throttles count across a cluster without a cluster cache: the same on
 * Payara and WildFly, kept across restarts. A key is stored as its SHA-256, so the table holds no
 * e-mail or address in clear.
 *
 * <p>{@link #add} makes sure the row exists ({@code INSERT IGNORE}: never a duplicate-key error,
 * whichever instance inserts first), locks it ({@code SELECT … FOR UPDATE}), then writes the new
 * count: two instances counting the same key wait for each other instead of both writing count + 1.
 * It joins the caller's transaction, so the lock is held until that commits; callers count several
 * keys in one order (sorted), so two of them never wait for each other in a cycle.
 *
 * <p>What it costs: a read of at most five rows per login attempt, and three statements per key of
 * a failed one, which has just cost a PBKDF2 hash of 600,000 iterations. Rows past their {@code
 * forget_at} are deleted by the instance that counts, at most once a minute.
 */
@ApplicationScoped
@Transactional
public class DatabaseThrottleCounters implements ThrottleCounters {

  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;

  private final AtomicLong lastPurge = new AtomicLong();

  @Override
  public Map<String, RecentFailures> read(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, String> byHash = new HashMap<>();
    keys.forEach(key -> byHash.put(TokenHasher.hash(key), key));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT counter_key, failures, first_at, last_at FROM throttle_counter"
                    + " WHERE counter_key IN (:keys) AND failures > 0")
            .setParameter("keys", byHash.keySet())
            .getResultList();
    Map<String, RecentFailures> counters = new HashMap<>();
    for (Object[] row : rows) {
      counters.put(byHash.get((String) row[0]), counter(row[1], row[2], row[3]));
    }
    return counters;
  }

  @Override
  public RecentFailures add(
      String key,
      Instant now,
      Predicate<RecentFailures> forgotten,
      Function<RecentFailures, Instant> forgetAt) {
    String hash = TokenHasher.hash(key);
    em.createNativeQuery(
            "INSERT IGNORE INTO throttle_counter (counter_key, failures, first_at, last_at,"
                + " forget_at) VALUES (:key, 0, 0, 0, 0)")
        .setParameter("key", hash)
        .executeUpdate();
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT failures, first_at, last_at FROM throttle_counter"
                        + " WHERE counter_key = :key FOR UPDATE")
                .setParameter("key", hash)
                .getSingleResult();
    RecentFailures current = counter(row[0], row[1], row[2]);
    RecentFailures next =
        current.count() == 0 || forgotten.test(current)
            ? RecentFailures.first(now)
            : current.plusOne(now);
    em.createNativeQuery(
            "UPDATE throttle_counter SET failures = :failures, first_at = :first, last_at = :last,"
                + " forget_at = :forget WHERE counter_key = :key")
        .setParameter("failures", next.count())
        .setParameter("first", next.first().toEpochMilli())
        .setParameter("last", next.last().toEpochMilli())
        .setParameter("forget", forgetAt.apply(next).toEpochMilli())
        .setParameter("key", hash)
        .executeUpdate();
    purgeNowAndThen(now);
    return next;
  }

  @Override
  public void forget(Collection<String> keys) {
    if (!keys.isEmpty()) {
      em.createNativeQuery("DELETE FROM throttle_counter WHERE counter_key IN (:keys)")
          .setParameter("keys", keys.stream().map(TokenHasher::hash).toList())
          .executeUpdate();
    }
  }

  /** Deletes the rows no counter needs any more; on one instance at most once a minute. */
  private void purgeNowAndThen(Instant now) {
    long last = lastPurge.get();
    if (now.toEpochMilli() - last >= PURGE_EVERY.toMillis()
        && lastPurge.compareAndSet(last, now.toEpochMilli())) {
      em.createNativeQuery("DELETE FROM throttle_counter WHERE forget_at < :now")
          .setParameter("now", now.toEpochMilli())
          .executeUpdate();
    }
  }

  private static RecentFailures counter(Object failures, Object first, Object last) {
    return new RecentFailures(
        ((Number) failures).intValue(),
        Instant.ofEpochMilli(((Number) first).longValue()),
        Instant.ofEpochMilli(((Number) last).longValue()));
  }
}
