package org.brokersso.migration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.tools.Server;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two instances starting at once on an empty database (issue 13): two Flyway migrations, with the
 * product's set-up ({@link Migrations}), run at the same moment against one fresh database, each on
 * its own connection as two servers would. No application server is needed: what is tested is
 * Flyway's lock on the database. MariaDB/MySQL when {@code DB_URL} is set (a fresh database beside
 * the one named there, dropped afterwards), else H2 in server mode, as instances sharing one H2
 * would reach it.
 */
class ConcurrentMigrationIT {

  private static final int INSTANCES = 2;

  @Test
  @DisplayName(
      "Two migrations at once on an empty database both succeed, and each version is applied once")
  void twoInstancesMigrateOnce() throws Exception {
    String dbUrl = System.getenv("DB_URL");
    if (dbUrl != null && !dbUrl.isBlank()) {
      String name = "brokersso_migration_race_" + UUID.randomUUID().toString().substring(0, 8);
      String server = serverUrl(dbUrl);
      try (Connection admin = DriverManager.getConnection(server, user(), password());
          Statement statement = admin.createStatement()) {
        statement.executeUpdate("CREATE DATABASE " + name);
        try {
          migrateTwiceAtOnce(server.replaceFirst("/(\\?|$)", "/" + name + "$1"));
        } finally {
          statement.executeUpdate("DROP DATABASE " + name);
        }
      }
    } else {
      Server h2 =
          Server.createTcpServer(
                  "-tcpPort",
                  "0",
                  "-ifNotExists",
                  "-baseDir",
                  Path.of("target", "it-race").toString())
              .start();
      try {
        migrateTwiceAtOnce(
            "jdbc:h2:tcp://localhost:"
                + h2.getPort()
                + "/./race-"
                + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE");
      } finally {
        h2.stop();
      }
    }
  }

  private void migrateTwiceAtOnce(String url) throws Exception {
    CyclicBarrier together = new CyclicBarrier(INSTANCES);
    ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
    List<Future<MigrateResult>> results = new ArrayList<>();
    try {
      for (int i = 0; i < INSTANCES; i++) {
        results.add(
            instances.submit(
                () -> {
                  var flyway = Migrations.configure().dataSource(url, user(), password()).load();
                  together.await(30, TimeUnit.SECONDS);
                  return flyway.migrate();
                }));
      }
      int executed = 0;
      for (Future<MigrateResult> result : results) {
        MigrateResult migrated = result.get(5, TimeUnit.MINUTES); // throws if one failed
        assertTrue(migrated.success);
        executed += migrated.migrationsExecuted;
      }
      try (Connection connection = DriverManager.getConnection(url, user(), password());
          Statement statement = connection.createStatement()) {
        int versions =
            count(
                statement,
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL AND success = TRUE");
        int distinct =
            count(
                statement,
                "SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL");
        int pending =
            Migrations.configure()
                .dataSource(url, user(), password())
                .load()
                .info()
                .pending()
                .length;
        assertEquals(0, pending, "every migration applied");
        assertEquals(
            1, count(statement, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '14'"));
        assertEquals(distinct, versions, "each version once in the schema history");
        assertEquals(versions, executed, "the two instances applied each migration once in all");
      }
    } finally {
      instances.shutdownNow();
    }
  }

  private static int count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** {@code jdbc:mysql://host:3306/db?x=y} → {@code jdbc:mysql://host:3306/?x=y}. */
  static String serverUrl(String dbUrl) {
    URI uri = URI.create(dbUrl.substring("jdbc:".length()));
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + query;
  }

  private static String user() {
    String user = System.getenv("DB_USER");
    return user == null ? (System.getenv("DB_URL") == null ? "sa" : "root") : user;
  }

  private static String password() {
    String password = System.getenv("DB_PASSWORD");
    return password == null ? "" : password;
  }
}
