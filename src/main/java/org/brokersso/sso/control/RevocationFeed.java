package org.brokersso.sso.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.persistence.control.Database;
import org.brokersso.setup.control.ApplicationStart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The revocations of access tokens, as a table every instance polls (V15 {@code token_revocation}),
 * so that each instance's {@link AccessTokenCache} forgets a revoked token at once, whichever
 * instance revoked it. Nothing of the runtime's cluster is needed, so Payara and WildFly, clustered
 * or not, behave the same.
 *
 * <p>The guarantee: once a revoking request has answered, no instance answers 4.3 with that token.
 * The revocation and its feed row commit together. An instance answers from memory only while its
 * last complete read of the feed began less than {@code sso.access-token.cache.staleness} ago (its
 * own monotonic clock, no clock agreement needed); and a revoking transaction that sees another
 * instance polling ({@code token_cache_peer}) holds its answer back for that long after the commit,
 * by when every such instance has read the row or stopped answering from memory.
 */
@ApplicationScoped
public class RevocationFeed {

  private static final Logger LOG = Logger.getLogger(RevocationFeed.class.getName());

  /**
   * Each poll reads the rows of this last stretch again, not only those after the last id seen: ids
   * can commit out of order, and instances' clocks differ by a little. Rows already applied are
   * skipped.
   */
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** How often an instance notes in {@code token_cache_peer} that it polls. */
  static final Duration HEARTBEAT = Duration.ofSeconds(1);

  /**
   * A revoking transaction waits for the instances noted within this; an instance answers from
   * memory only while its own note is at most half this old, which leaves 5 s for clocks to differ.
   */
  static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

  private static final String RECORD =
      "INSERT INTO token_revocation (user_id, recorded_at) VALUES (?1, ?2)";
  private static final String PEERS =
      "SELECT COUNT(*) FROM token_cache_peer WHERE instance <> ?1 AND seen_at > ?2";
  private static final String READ =
      "SELECT id, user_id, recorded_at FROM token_revocation WHERE recorded_at > ?";
  private static final String BEAT = "UPDATE token_cache_peer SET seen_at = ? WHERE instance = ?";
  private static final String JOIN =
      "INSERT INTO token_cache_peer (instance, seen_at) VALUES (?, ?)";
  private static final String LEAVE = "DELETE FROM token_cache_peer WHERE instance = ?";

  @PersistenceContext EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject Database database;
  @Inject AccessTokenCache cache;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "sso.access-token.cache.staleness")
  Duration staleness;

  private final Map<Long, Long> applied = new ConcurrentHashMap<>();
  private volatile long beatAtNanos;
  private volatile boolean beaten;

  /**
   * Records, in the caller's transaction, that the user's access tokens were revoked. After the
   * commit this instance forgets them at once, and the request waits out the staleness bound when
   * another instance answers from memory.
   */
  public void revoked(long userId) {
    long now = clock.millis();
    em.createNativeQuery(RECORD).setParameter(1, userId).setParameter(2, now).executeUpdate();
    boolean peers =
        ((Number)
                    em.createNativeQuery(PEERS)
                        .setParameter(1, ApplicationStart.instance())
                        .setParameter(2, now - PEER_TIMEOUT.toMillis())
                        .getSingleResult())
                .longValue()
            > 0;
    AfterCommit pending = (AfterCommit) transactions.getResource(AfterCommit.class);
    if (pending == null) {
      pending = new AfterCommit();
      transactions.putResource(AfterCommit.class, pending);
      transactions.registerInterposedSynchronization(pending);
    }
    pending.users.add(userId);
    pending.peers |= peers;
  }

  /** What one transaction revoked, applied here and waited for once it has committed. */
  private final class AfterCommit implements Synchronization {
    final Set<Long> users = new HashSet<>();
    boolean peers;

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status != Status.STATUS_COMMITTED) {
        return;
      }
      cache.forget(users);
      if (peers) {
        try {
          Thread.sleep(staleness.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * One read of the feed, by the schedule: notes this instance as a peer when due, then forgets the
   * tokens of every user revoked since. On failure the cache goes stale, so 4.3 asks the database.
   */
  public void poll() {
    long started = System.nanoTime();
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      if (!beaten || started - beatAtNanos >= HEARTBEAT.toNanos()) {
        beat(connection);
        beatAtNanos = started;
        beaten = true;
      }
      long readStarted = System.nanoTime();
      Set<Long> users = new HashSet<>();
      long since = clock.millis() - WINDOW.toMillis();
      try (PreparedStatement read = connection.prepareStatement(READ)) {
        read.setLong(1, since);
        try (ResultSet rows = read.executeQuery()) {
          while (rows.next()) {
            if (applied.putIfAbsent(rows.getLong(1), rows.getLong(3)) == null) {
              users.add(rows.getLong(2));
            }
          }
        }
      }
      applied.values().removeIf(recordedAt -> recordedAt <= since);
      cache.forget(users);
      if (readStarted - beatAtNanos < PEER_TIMEOUT.toNanos() / 2) {
        cache.polled(readStarted);
      } else {
        cache.stale();
      }
    } catch (SQLException | RuntimeException e) {
      if (cache.isFresh()) {
        LOG.log(
            Level.WARNING,
            "Revocation feed not read; call 4.3 asks the database until it is: " + e.getMessage());
      }
      cache.stale();
    }
  }

  private void beat(Connection connection) throws SQLException {
    long now = clock.millis();
    try (PreparedStatement beat = connection.prepareStatement(BEAT)) {
      beat.setLong(1, now);
      beat.setString(2, ApplicationStart.instance());
      if (beat.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement join = connection.prepareStatement(JOIN)) {
      join.setString(1, ApplicationStart.instance());
      join.setLong(2, now);
      join.executeUpdate();
    }
  }

  /** Leaves {@code token_cache_peer} at shutdown, so revocations stop waiting for this instance. */
  public void leave() {
    cache.stale();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement leave = connection.prepareStatement(LEAVE)) {
      connection.setAutoCommit(true);
      leave.setString(1, ApplicationStart.instance());
      leave.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "Not removed from token_cache_peer; the row ages out", e);
    }
  }
}
