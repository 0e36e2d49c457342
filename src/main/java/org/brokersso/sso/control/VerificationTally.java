package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditOutcome;
import org.brokersso.persistence.control.Database;
import org.brokersso.sso.control.AccessTokenCache.Verified;

/**
 * The audit trail's record of successful 4.3 calls, aggregated: per access token and period ({@code
 * sso.access-token.verify-audit.period}), one row "verified N times" stamped with the first
 * verification, written by the schedule instead of one row per app launch. Refusals, revocations
 * and every other security event are still written in full, in the request's own transaction
 * (docs/security.md, "What the audit trail keeps").
 *
 * <p>The rows are written over plain JDBC, like the job leases, in single multi-row {@code
 * INSERT}s: each commits whole or not at all, so what did not commit is counted again at the next
 * flush and nothing twice. (A {@code UserTransaction} on the schedule's thread was refused by
 * Payara in one start out of several: "Operation not allowed".) What is lost if the process dies:
 * the counts of at most one period, on that instance.
 */
@ApplicationScoped
public class VerificationTally {

  /** Rows per statement: bounded, so a busy period does not make one huge statement. */
  static final int ROWS_PER_STATEMENT = 200;

  private static final String INSERT =
      "INSERT INTO audit_event"
          + " (occurred_at, actor, action, outcome, user_id, ctid_user_id, token_hash, detail)"
          + " VALUES ";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

  private final Map<String, Count> byTokenHash = new ConcurrentHashMap<>();

  @Inject Database database;

  /** One verification of the token with this hash. */
  public void verified(String hash, Verified token, Instant at) {
    byTokenHash.compute(
        hash, (h, count) -> count == null ? new Count(token, at, at, 1) : count.plus(at));
  }

  /**
   * Writes what was counted since the last flush; what a failed statement carried stays counted for
   * the next flush. Answers the rows written.
   */
  public int flush() {
    List<Map.Entry<String, Count>> taken = new ArrayList<>();
    for (String hash : List.copyOf(byTokenHash.keySet())) {
      Count count = byTokenHash.remove(hash);
      if (count != null) {
        taken.add(Map.entry(hash, count));
      }
    }
    if (taken.isEmpty()) {
      return 0;
    }
    int written = 0;
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      for (; written < taken.size(); written += ROWS_PER_STATEMENT) {
        insert(
            connection,
            taken.subList(written, Math.min(taken.size(), written + ROWS_PER_STATEMENT)));
      }
      return taken.size();
    } catch (SQLException | RuntimeException e) {
      taken
          .subList(Math.min(written, taken.size()), taken.size())
          .forEach(entry -> byTokenHash.merge(entry.getKey(), entry.getValue(), Count::merge));
      throw new IllegalStateException("Aggregated 4.3 audit rows not written: " + e, e);
    }
  }

  private static void insert(Connection connection, List<Map.Entry<String, Count>> rows)
      throws SQLException {
    String sql = INSERT + String.join(", ", Collections.nCopies(rows.size(), ROW));
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int p = 1;
      for (Map.Entry<String, Count> row : rows) {
        Count count = row.getValue();
        insert.setLong(p++, count.first().toEpochMilli());
        insert.setString(p++, Refusals.CTRADER);
        insert.setString(p++, AuditAction.ACCESS_TOKEN_VERIFY.name());
        insert.setString(p++, AuditOutcome.SUCCESS.name());
        insert.setLong(p++, count.token().userId());
        insert.setObject(p++, count.token().ctidUserId());
        insert.setString(p++, row.getKey());
        insert.setString(p++, count.detail());
      }
      insert.executeUpdate();
    }
  }

  record Count(Verified token, Instant first, Instant last, long times) {
    Count plus(Instant at) {
      return new Count(token, first, at.isAfter(last) ? at : last, times + 1);
    }

    Count merge(Count other) {
      return new Count(
          token,
          first.isBefore(other.first) ? first : other.first,
          last.isAfter(other.last) ? last : other.last,
          times + other.times);
    }

    String detail() {
      return "verified "
          + times
          + (times == 1 ? " time" : " times")
          + " from "
          + first
          + " to "
          + last
          + " (aggregated)";
    }
  }
}
