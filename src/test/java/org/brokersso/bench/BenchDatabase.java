package org.brokersso.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.brokersso.tokens.control.TokenHasher;

/**
 * The database a benchmark row runs against, reached over plain JDBC with the product's own drivers
 * and URL options: MariaDB on 127.0.0.1:3306 in a fresh database, or the embedded H2 file. Also
 * pre-mints OT tokens straight into it, the way the product stores them (SHA-256 only).
 */
record BenchDatabase(String name, String url, String user, String password, String envUrl) {

  static BenchDatabase mariadb() throws SQLException {
    String schema = "brokersso_bench";
    try (Connection admin =
        DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "")) {
      admin.createStatement().execute("DROP DATABASE IF EXISTS " + schema);
      admin.createStatement().execute("CREATE DATABASE " + schema);
    }
    String url = "jdbc:mysql://127.0.0.1:3306/" + schema;
    return new BenchDatabase("MariaDB (mysql-connector-j)", url, "root", "", url);
  }

  static BenchDatabase h2(String folder) {
    // the product's default db.url, with db.embedded.dir pointing into target/
    String url =
        "jdbc:h2:file:"
            + folder
            + "/broker-sso;MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
    return new BenchDatabase("embedded H2", url, "", "", null);
  }

  Connection connect() throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    if (url.startsWith("jdbc:mysql:")) {
      // the driver settings the product's data source uses, so both sides talk alike
      properties.putAll(org.brokersso.persistence.control.ConfiguredDataSource.MYSQL_DEFAULTS);
    }
    Connection connection = DriverManager.getConnection(url, properties);
    connection.setTransactionIsolation(
        Connection.TRANSACTION_READ_COMMITTED); // as web.xml's data source
    connection.setAutoCommit(false);
    return connection;
  }

  long userIdFor(long ctidUserId) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("SELECT id FROM broker_user WHERE ctid_user_id = ?")) {
      s.setLong(1, ctidUserId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("no user " + ctidUserId);
        }
        return r.getLong(1);
      }
    }
  }

  /**
   * Inserts {@code count} OT tokens for the given users (round robin), every other one (or all)
   * with "keep me logged in", valid for an hour, and returns their values in insertion order.
   */
  List<String> mintOneTimeTokens(List<Long> userIds, int count, boolean allKeepLoggedIn)
      throws SQLException {
    SecureRandom random = new SecureRandom();
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    List<String> tokens = new ArrayList<>(count);
    long now = System.currentTimeMillis();
    String sql =
        "INSERT INTO one_time_token (token_hash, user_id, purpose, keep_logged_in, issued_at, expires_at, consumed_at)"
            + " VALUES (?, ?, 'LOGIN', ?, ?, ?, NULL)";
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < count; i++) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "ot_" + encoder.encodeToString(bytes);
        tokens.add(token);
        s.setString(1, TokenHasher.hash(token));
        s.setLong(2, userIds.get(i % userIds.size()));
        s.setBoolean(3, allKeepLoggedIn || i % 2 == 0);
        s.setLong(4, now);
        s.setLong(5, now + 3_600_000);
        s.addBatch();
        if (i % 1000 == 999) {
          s.executeBatch();
        }
      }
      s.executeBatch();
      c.commit();
    }
    return tokens;
  }

  /** OT tokens the trail shows as exchanged more than once: must be zero. */
  long tokensExchangedTwice() throws SQLException {
    String sql =
        "SELECT COUNT(*) FROM (SELECT token_hash FROM audit_event WHERE action = 'OT_TOKEN_EXCHANGE'"
            + " AND outcome = 'SUCCESS' GROUP BY token_hash HAVING COUNT(*) > 1) twice";
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
