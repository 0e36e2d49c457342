package org.brokersso.persistence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether the database is away, as requests find out: tells a failure to reach the database from
 * other faults, and writes one log line when it goes away and one when it answers again (with the
 * number of requests refused meanwhile) instead of a stack trace per request. A ten-second outage
 * used to write 8 MB of traces.
 *
 * <p>It keeps no connection of its own and never probes: the server's pool finds the database again
 * by itself, within a second; this only notices.
 */
@ApplicationScoped
public class DatabaseOutage {

  private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

  /** Nanosecond start of the outage, or -1 while the database answers. */
  private final AtomicLong since = new AtomicLong(-1);

  private final AtomicLong refused = new AtomicLong();

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
    if (since.compareAndSet(-1, System.nanoTime())) {
      LOG.warning(
          () ->
              "Database unreachable ("
                  + reason(failure)
                  + "): requests that need it are answered 503 until it answers again");
    }
  }

  /** The database answered (a request needing it succeeded, or readiness reached it). */
  public void answered() {
    long start = since.get();
    if (start != -1 && since.compareAndSet(start, -1)) {
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
