package org.brokersso;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.brokersso.tokens.control.TokenHasher;

/**
 * Reads the audit trail straight from the database the server uses: MySQL/MariaDB when DB_URL is
 * set (the CI's second run), otherwise the embedded H2 file of the black-box server ({@link
 * BlackBoxServer#EMBEDDED_DIR}), which the server opens with AUTO_SERVER so a second process may
 * read it while it runs.
 */
public final class AuditRows {

  private AuditRows() {}

  /** Rows of the trail for the token, with this action and outcome. */
  public static int count(String token, String action, String outcome) {
    String sql =
        "SELECT COUNT(*) FROM audit_event WHERE token_hash = ? AND action = ? AND outcome = ?";
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, TokenHasher.hash(token));
      statement.setString(2, action);
      statement.setString(3, outcome);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
  }

  /**
   * True when any column of any row of the trail holds the value: tokens must never be written
   * there.
   */
  public static boolean anyRowContains(String value) {
    String sql =
        "SELECT COUNT(*) FROM audit_event WHERE token_hash = ? OR detail LIKE ? OR actor = ?";
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      statement.setString(2, "%" + value + "%");
      statement.setString(3, value);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1) > 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
  }

  /** Rows of the trail with this action, outcome and detail. */
  public static int countWithDetail(String action, String outcome, String detail) {
    String sql = "SELECT COUNT(*) FROM audit_event WHERE action = ? AND outcome = ? AND detail = ?";
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, action);
      statement.setString(2, outcome);
      statement.setString(3, detail);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
  }

  static Connection connect() throws SQLException {
    String url = System.getenv("DB_URL");
    if (url != null && !url.isBlank()) {
      return DriverManager.getConnection(
          url, System.getenv("DB_USER"), System.getenv().getOrDefault("DB_PASSWORD", ""));
    }
    return DriverManager.getConnection(
        "jdbc:h2:file:"
            + BlackBoxServer.EMBEDDED_DIR
            + "/broker-sso;MODE=MySQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE");
  }
}
