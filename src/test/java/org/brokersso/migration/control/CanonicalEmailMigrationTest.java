package org.brokersso.migration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** V10 on rows written before it, in an H2 database of its own. */
class CanonicalEmailMigrationTest {

  @Test
  void addressesAreRewrittenCanonicallyAndACollisionLeavesTheYoungerRowAsItWas()
      throws SQLException {
    try (Connection db =
        DriverManager.getConnection("jdbc:h2:mem:v10-" + UUID.randomUUID() + ";MODE=MySQL")) {
      try (Statement sql = db.createStatement()) {
        sql.execute(
            "CREATE TABLE broker_user (id BIGINT PRIMARY KEY, email VARCHAR(254),"
                + " CONSTRAINT uk_email UNIQUE (email))");
        sql.execute(
            "INSERT INTO broker_user VALUES (1, ' Alice@Example.COM'), (2, 'bob@example.com'),"
                + " (3, '\uFF41lice@example.com'), (4, 'e\u0301ve@example.com'), (5, NULL),"
                + " (6, 'alíce@example.com')");
      }
      new CanonicalEmailMigration().migrate(context(db));
      Map<Long, String> expected = new LinkedHashMap<>();
      expected.put(1L, "alice@example.com"); // the oldest of its canonical form gets it
      expected.put(2L, "bob@example.com");
      expected.put(3L, "\uFF41lice@example.com"); // the same canonical form: left as stored
      expected.put(4L, "\u00E9ve@example.com"); // composed
      expected.put(5L, null);
      expected.put(6L, "alíce@example.com"); // an accent makes another address
      assertEquals(expected, rows(db));
    }
  }

  @Test
  void theRowAlreadyHoldingTheCanonicalFormKeepsIt() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:v10-" + UUID.randomUUID())) {
      try (Statement sql = db.createStatement()) {
        sql.execute("CREATE TABLE broker_user (id BIGINT PRIMARY KEY, email VARCHAR(254))");
        sql.execute(
            "INSERT INTO broker_user VALUES (1, 'CAROL@example.com'), (2, 'carol@example.com')");
      }
      new CanonicalEmailMigration().migrate(context(db));
      assertEquals(Map.of(1L, "CAROL@example.com", 2L, "carol@example.com"), rows(db));
    }
  }

  private static Map<Long, String> rows(Connection db) throws SQLException {
    Map<Long, String> rows = new LinkedHashMap<>();
    try (Statement sql = db.createStatement();
        ResultSet all = sql.executeQuery("SELECT id, email FROM broker_user ORDER BY id")) {
      while (all.next()) {
        rows.put(all.getLong(1), all.getString(2));
      }
    }
    return rows;
  }

  private static Context context(Connection db) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return db;
      }
    };
  }
}
