package org.brokersso.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.brokersso.tokens.control.TokenHasher;

/**
 * The database's own limit for the work of one call: the statements Hibernate issues for it (read
 * off {@code hibernate.show_sql}), in one READ_COMMITTED transaction, over a pool of at most 32
 * connections (the product's {@code max-pool-size}), at the same concurrency, with no HTTP and no
 * application server. Tokens are hashed here too, as the product does per request.
 */
final class JdbcLimit {

  static final int POOL_MAX = 32;

  private static final String SELECT_OT =
      "select ott1_0.id,ott1_0.consumed_at,ott1_0.expires_at,ott1_0.issued_at,ott1_0.keep_logged_in,ott1_0.purpose,"
          + "ott1_0.token_hash,ott1_0.user_id,u1_0.id,u1_0.created_at,u1_0.ctid_user_id,u1_0.email from one_time_token"
          + " ott1_0 join broker_user u1_0 on u1_0.id=ott1_0.user_id where ott1_0.token_hash=?";
  private static final String CONSUME_OT =
      "update one_time_token ott1_0 set consumed_at=? where ott1_0.id=? and ott1_0.consumed_at is null and ott1_0.expires_at>?";
  private static final String INSERT_ACCESS =
      "insert into access_token (expires_at,issued_at,one_time_token_id,revoked_at,token_hash,user_id) values (?,?,?,?,?,?)";
  private static final String INSERT_INAPP =
      "insert into inapp_token (access_token_id,expires_at,issued_at,one_time_token_id,revoked_at,token_hash,user_id)"
          + " values (?,?,?,?,?,?,?)";
  private static final String INSERT_AUDIT =
      "insert into audit_event (action,actor,ctid_user_id,detail,occurred_at,outcome,token_hash,user_id) values (?,?,?,?,?,?,?,?)";
  private static final String SELECT_ACCESS =
      "select at1_0.id,at1_0.expires_at,at1_0.issued_at,at1_0.one_time_token_id,at1_0.revoked_at,at1_0.token_hash,"
          + "at1_0.user_id,u1_0.id,u1_0.created_at,u1_0.ctid_user_id,u1_0.email from access_token at1_0 join broker_user"
          + " u1_0 on u1_0.id=at1_0.user_id where at1_0.token_hash=?";
  private static final String INSERT_CRM_API_TOKEN =
      "insert into crm_api_token (expires_at,issued_at,token_hash) values (?,?,?)";

  private final BenchDatabase database;
  private final SecureRandom random = new SecureRandom();

  JdbcLimit(BenchDatabase database) {
    this.database = database;
  }

  /** One unit of work: one call's statements in one transaction. */
  interface Work {
    void run(Connection c, int index) throws SQLException;

    /** Whether its connections are set read-only (once, when the pool is filled). */
    default boolean readOnly() {
      return false;
    }
  }

  /** What call 4.2 does in the database for a keep-me-logged-in or plain OT token. */
  Work exchange(List<String> tokens) {
    return (c, i) -> {
      long now = System.currentTimeMillis();
      String hash = TokenHasher.hash(tokens.get(i));
      long otId;
      long userId;
      long ctid;
      boolean keep;
      try (PreparedStatement s = c.prepareStatement(SELECT_OT)) {
        s.setString(1, hash);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            throw new SQLException("token not found");
          }
          otId = r.getLong(1);
          keep = r.getBoolean(5);
          userId = r.getLong(9);
          ctid = r.getLong(11);
        }
      }
      try (PreparedStatement s = c.prepareStatement(CONSUME_OT)) {
        s.setLong(1, now);
        s.setLong(2, otId);
        s.setLong(3, now);
        if (s.executeUpdate() != 1) {
          throw new SQLException("token already consumed");
        }
      }
      Long accessId = null;
      if (keep) {
        try (PreparedStatement s =
            c.prepareStatement(INSERT_ACCESS, Statement.RETURN_GENERATED_KEYS)) {
          s.setLong(1, now + Duration.ofDays(90).toMillis());
          s.setLong(2, now);
          s.setLong(3, otId);
          s.setNull(4, java.sql.Types.BIGINT);
          s.setString(5, TokenHasher.hash(newToken("at_")));
          s.setLong(6, userId);
          s.executeUpdate();
          try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            accessId = keys.getLong(1);
          }
        }
      }
      insertInapp(c, userId, otId, accessId, now);
      insertAudit(c, "OT_TOKEN_EXCHANGE", userId, ctid, hash, now);
      c.commit();
    };
  }

  /**
   * What call 4.3 does in the database when its in-memory cache of verified access tokens misses:
   * one lookup of the access token with its user, in a read-only transaction (a hit touches the
   * database not at all).
   */
  Work authorize(List<String> accessTokens) {
    return new Work() {
      @Override
      public void run(Connection c, int i) throws SQLException {
        String hash = TokenHasher.hash(accessTokens.get(i % accessTokens.size()));
        try (PreparedStatement s = c.prepareStatement(SELECT_ACCESS)) {
          s.setString(1, hash);
          try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
              throw new SQLException("access token not found");
            }
          }
        }
        c.commit();
      }

      @Override
      public boolean readOnly() {
        return true;
      }
    };
  }

  /** What call 4.1 does: store the new crmApiToken's hash and audit it. */
  Work crmApiToken() {
    return (c, i) -> {
      long now = System.currentTimeMillis();
      String hash = TokenHasher.hash(newToken("cat_"));
      try (PreparedStatement s =
          c.prepareStatement(INSERT_CRM_API_TOKEN, Statement.RETURN_GENERATED_KEYS)) {
        s.setLong(1, now + Duration.ofDays(7).toMillis());
        s.setLong(2, now);
        s.setString(3, hash);
        s.executeUpdate();
      }
      insertAudit(c, "CRM_API_TOKEN_ISSUE", null, null, hash, now);
      c.commit();
    };
  }

  private void insertInapp(Connection c, long userId, long otId, Long accessId, long now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT_INAPP, Statement.RETURN_GENERATED_KEYS)) {
      if (accessId == null) {
        s.setNull(1, java.sql.Types.BIGINT);
      } else {
        s.setLong(1, accessId);
      }
      s.setLong(2, now + Duration.ofDays(90).toMillis());
      s.setLong(3, now);
      s.setLong(4, otId);
      s.setNull(5, java.sql.Types.BIGINT);
      s.setString(6, TokenHasher.hash(newToken("ia_")));
      s.setLong(7, userId);
      s.executeUpdate();
    }
  }

  private static void insertAudit(
      Connection c, String action, Long userId, Long ctid, String hash, long now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT_AUDIT, Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, action);
      s.setString(2, "ctrader-backend");
      if (ctid == null) {
        s.setNull(3, java.sql.Types.BIGINT);
      } else {
        s.setLong(3, ctid);
      }
      s.setString(4, "bench");
      s.setLong(5, now);
      s.setString(6, "SUCCESS");
      s.setString(7, hash);
      if (userId == null) {
        s.setNull(8, java.sql.Types.BIGINT);
      } else {
        s.setLong(8, userId);
      }
      s.executeUpdate();
    }
  }

  private String newToken(String prefix) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Runs the work from {@code concurrency} threads for the duration (after a warm-up of the same
   * kind, not counted), each unit on a connection borrowed from the pool. Work index i is handed
   * out once, so token-consuming work never repeats a token.
   */
  Result run(Work work, int concurrency, Duration warmUp, Duration measured, int maxUnits)
      throws Exception {
    int poolSize = Math.min(concurrency, POOL_MAX);
    BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(poolSize);
    for (int i = 0; i < poolSize; i++) {
      Connection connection = database.connect();
      connection.setReadOnly(work.readOnly());
      pool.add(connection);
    }
    AtomicInteger next = new AtomicInteger();
    try {
      drive(work, concurrency, warmUp, pool, next, maxUnits, null);
      List<long[]> latencies = new ArrayList<>();
      AtomicInteger errors = new AtomicInteger();
      long start = System.nanoTime();
      int done =
          drive(work, concurrency, measured, pool, next, maxUnits, new Recorder(latencies, errors));
      long elapsed = System.nanoTime() - start;
      return Result.of(done, errors.get(), elapsed, latencies);
    } finally {
      for (Connection c : pool) {
        c.close();
      }
    }
  }

  private record Recorder(List<long[]> latencies, AtomicInteger errors) {}

  private int drive(
      Work work,
      int concurrency,
      Duration duration,
      BlockingQueue<Connection> pool,
      AtomicInteger next,
      int maxUnits,
      Recorder recorder)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    CountDownLatch finished = new CountDownLatch(concurrency);
    AtomicInteger units = new AtomicInteger();
    for (int t = 0; t < concurrency; t++) {
      long[] mine = new long[1 << 20];
      int[] count = {0};
      Thread thread =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < deadline) {
                    int index = next.getAndIncrement();
                    if (index >= maxUnits) {
                      break;
                    }
                    long begin = System.nanoTime();
                    Connection c = pool.take();
                    try {
                      work.run(c, index);
                    } catch (SQLException e) {
                      rollback(c);
                      if (recorder != null) {
                        recorder.errors().incrementAndGet();
                      }
                    } finally {
                      pool.add(c);
                    }
                    if (recorder != null && count[0] < mine.length) {
                      mine[count[0]++] = System.nanoTime() - begin;
                    }
                    units.incrementAndGet();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  if (recorder != null) {
                    synchronized (recorder.latencies()) {
                      recorder.latencies().add(java.util.Arrays.copyOf(mine, count[0]));
                    }
                  }
                  finished.countDown();
                }
              });
      thread.start();
    }
    finished.await();
    return units.get();
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is reused; a failed rollback shows up as the next unit's error
    }
  }

  /** Throughput and latency of one measured run. */
  record Result(
      int requests, int errors, double perSecond, double p50Ms, double p99Ms, double maxMs) {
    static Result of(int done, int errors, long elapsedNanos, List<long[]> latencies) {
      long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
      double seconds = elapsedNanos / 1e9;
      if (all.length == 0) {
        return new Result(done, errors, done / seconds, 0, 0, 0);
      }
      return new Result(
          done,
          errors,
          done / seconds,
          all[(int) (all.length * 0.50)] / 1e6,
          all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6,
          all[all.length - 1] / 1e6);
    }
  }
}
