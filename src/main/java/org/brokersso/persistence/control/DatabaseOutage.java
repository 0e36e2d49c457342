package org.brokersso.persistence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether the database is away, as requests find out: tells a failure to reach the database from
 * other faults, and writes one log line when it goes away and one when it answers again (with the
 * number of requests refused meanwhile) instead of a stack trace per request. A ten-second outage
 * used to write 8 MB of traces.
 *
 * <p>While the database is away, requests are refused before they reach the server's pool (which
 * writes a warning, and for broken connections a stack trace, for every failed attempt); instead,
 * at most every {@value #PROBE_INTERVAL_MILLIS} ms one request opens a connection of its own,
 * outside the pool; once it succeeds, requests go to the pool again and the first success ends the
 * outage. So a returning database is in use again within about half a second.
 */
@ApplicationScoped
public class DatabaseOutage {

  private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

  /** Nanosecond start of the outage, or -1 while the database answers. */
  private final AtomicLong since = new AtomicLong(-1);

  private final AtomicLong refused = new AtomicLong();

  static final long PROBE_INTERVAL_MILLIS = 500;

  /** Nanosecond time of the next probe while away. */
  private final AtomicLong nextProbe = new AtomicLong();

  /**
   * The probe reached the database: requests go to the pool again, but the outage ends only with
   * the first success (the pool may still hold connections the outage broke; each fails once).
   */
  private volatile boolean trying;

  /** Physical connections outside the pool, for the probe only. */
  private final ConfiguredDataSource probe = new ConfiguredDataSource();

  /** True when the failure, or one of its causes, says the database could not be reached. */
  public boolean explains(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = cause(t), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof JDBCConnectionException
          // the server's pool could not hand out a connection (none to be made, or none free)
          || t instanceof ResourceException) {
        return true;
      }
      // SQLState class 08: connection exception (SQL standard), whatever the driver's class
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable cause(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    return t instanceof SQLException sql ? sql.getNextException() : null;
  }

  /** A request was refused because the database could not be reached. */
  public void refused(Throwable failure) {
    refused.incrementAndGet();
    long now = System.nanoTime();
    trying = false; // a trial request failed (stale pooled connection): gate again until the probe
    nextProbe.set(now + TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS));
    if (since.compareAndSet(-1, now)) {
      LOG.warning(
          () ->
              "Database unreachable ("
                  + reason(failure)
                  + "): requests that need it are answered 503 until it answers again");
    }
  }

  /**
   * True while the database is away, so the request must be refused now (and is counted); false
   * when it answers, possibly found by this very call's probe.
   */
  public boolean refusesNow() {
    if (!stillAway()) {
      return false;
    }
    refused.incrementAndGet();
    return true;
  }

  /** True while the database is away; probes it when a probe is due, and ends the outage. */
  public boolean stillAway() {
    if (since.get() == -1 || trying) {
      return false;
    }
    long now = System.nanoTime();
    long due = nextProbe.get();
    if (now - due >= 0
        && nextProbe.compareAndSet(due, now + TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS))
        && reachable()) {
      trying = true;
      return false;
    }
    return since.get() != -1 && !trying;
  }

  private boolean reachable() {
    try (Connection connection = probe.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException unreachable) {
      return false;
    }
  }

  /** The database answered (a request needing it succeeded, or readiness reached it). */
  public void answered() {
    long start = since.get();
    if (start != -1 && since.compareAndSet(start, -1)) {
      trying = false;
      long count = refused.getAndSet(0);
      Duration away = Duration.ofNanos(System.nanoTime() - start);
      LOG.info(
          () ->
              "Database answers again after "
                  + away.toSeconds()
                  + " s; "
                  + count
                  + " requests were refused with 503 meanwhile");
    }
  }

  public boolean isAway() {
    return since.get() != -1;
  }

  /** The innermost cause's type and SQLState: enough to tell a refusal from a time-out. */
  private static String reason(Throwable failure) {
    Throwable root = failure;
    String state = null;
    for (int depth = 0; cause(root) != null && depth < 32; depth++) {
      if (root instanceof SQLException sql && sql.getSQLState() != null) {
        state = sql.getSQLState();
      }
      root = cause(root);
    }
    if (root instanceof SQLException sql && sql.getSQLState() != null) {
      state = sql.getSQLState();
    }
    return root.getClass().getSimpleName() + (state != null ? ", SQLState " + state : "");
  }
}
