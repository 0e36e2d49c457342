package org.brokersso;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads what the sandbox cTrader booked, straight from the server's database (as {@link AuditRows}
 * does): the tests' way to count calls 3.5 that acted in the sandbox.
 */
public final class SandboxRows {

  /** The sandbox numbers trading accounts from this offset (SandboxTrader.OFFSET). */
  private static final long LOGIN_OFFSET = 3_100_000L;

  private SandboxRows() {}

  /** How many balance changes (calls 3.5 that acted) the sandbox booked for the account. */
  public static int balanceChanges(long traderLogin) {
    return (int)
        query(
            "SELECT COUNT(*) FROM sandbox_balance_change WHERE trader_id = ?",
            traderLogin - LOGIN_OFFSET);
  }

  /** The account's balance in cTrader's integer units (10^moneyDigits). */
  public static long balance(long traderLogin) {
    return query("SELECT balance FROM sandbox_trader WHERE id = ?", traderLogin - LOGIN_OFFSET);
  }

  private static long query(String sql, long id) {
    try (Connection connection = AuditRows.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the sandbox's tables", e);
    }
  }
}
