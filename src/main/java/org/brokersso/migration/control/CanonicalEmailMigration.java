package org.brokersso.migration.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V10: e-mail addresses are compared byte for byte, in their canonical form. Java, not
 * SQL, because the canonical form (NFKC, lower-cased, NFKC again) has no SQL function on either
 * database.
 *
 * <ol>
 *   <li>MySQL/MariaDB: {@code broker_user.email} becomes {@code utf8mb4} with the binary collation
 *       {@code utf8mb4_bin}; under the default {@code *_ci} collations {@code alíce@x} equalled
 *       {@code alice@x}. Its unique key stays and is binary from now on. H2 compares strings by
 *       their code units already ({@code db.url} sets no {@code IGNORECASE}).
 *   <li>Every stored address is rewritten in its canonical form. When several rows share one
 *       canonical form, the row already holding it, else the oldest (lowest id), gets it; the
 *       others keep their address as stored, are logged by id with a warning, and can no longer be
 *       reached by that address (login and reset look up the canonical form) until an operator
 *       resolves them. Before V10 addresses were stored trimmed and lower-cased, and MySQL's unique
 *       key was accent-insensitive, so such rows are not expected.
 * </ol>
 *
 * <p>The canonical form is written out here rather than taken from {@code
 * user.entity.EmailAddress}: a migration must keep doing what it did at its version, and this
 * package sits below {@code user}.
 */
public class CanonicalEmailMigration implements JavaMigration {

  private static final Logger LOG = Logger.getLogger(CanonicalEmailMigration.class.getName());

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("10");
  }

  @Override
  public String getDescription() {
    return "user email canonical binary";
  }

  @Override
  public Integer getChecksum() {
    return 10_001; // change it together with this class's behaviour, which a merged one never does
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("mysql") || product.contains("mariadb")) {
      try (Statement alter = connection.createStatement()) {
        alter.execute(
            "ALTER TABLE broker_user MODIFY email VARCHAR(254)"
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      }
    }
    canonicalise(connection);
  }

  static String canonical(String email) {
    String compatible = Normalizer.normalize(email.strip(), Normalizer.Form.NFKC);
    return Normalizer.normalize(compatible.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
  }

  private static void canonicalise(Connection connection) throws SQLException {
    Map<String, List<Row>> byCanonical = new LinkedHashMap<>();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT id, email FROM broker_user WHERE email IS NOT NULL ORDER BY id")) {
      while (rows.next()) {
        Row row = new Row(rows.getLong(1), rows.getString(2));
        byCanonical.computeIfAbsent(canonical(row.email()), c -> new ArrayList<>()).add(row);
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE broker_user SET email = ? WHERE id = ?")) {
      for (Map.Entry<String, List<Row>> group : byCanonical.entrySet()) {
        String canonical = group.getKey();
        List<Row> rows = group.getValue();
        Row keeper =
            rows.stream().filter(r -> r.email().equals(canonical)).findFirst().orElse(rows.get(0));
        if (!keeper.email().equals(canonical)) {
          update.setString(1, canonical);
          update.setLong(2, keeper.id());
          update.executeUpdate();
        }
        if (rows.size() > 1) {
          List<Long> others = rows.stream().map(Row::id).filter(id -> id != keeper.id()).toList();
          LOG.warning(
              () ->
                  "V10: broker users "
                      + others
                      + " share their e-mail's canonical form with user "
                      + keeper.id()
                      + ", who keeps it; theirs are left as stored and no longer match a login");
        }
      }
    }
  }

  private record Row(long id, String email) {}
}
