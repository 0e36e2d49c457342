package org.brokersso.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import org.brokersso.persistence.control.Database;
import org.brokersso.setup.control.ApplicationStart;

/**
 * Who runs a job in the current period (table {@code job_lease}). Guarantee: of any number of
 * contenders, on any number of instances, at most one {@link #acquire acquires} a job's lease while
 * it lasts, because taking it is one conditional {@code UPDATE} (or, the first time, one {@code
 * INSERT} on the primary key) and the database decides. Each statement commits on its own (plain
 * JDBC, auto-commit), so no lock outlives it.
 */
@ApplicationScoped
public class JobLeases {

  private static final String TAKE =
      "UPDATE job_lease SET holder = ?, lease_until = ?, last_started_at = ?,"
          + " last_finished_at = NULL, last_outcome = NULL WHERE job_name = ? AND lease_until <= ?";
  private static final String CREATE =
      "INSERT INTO job_lease (job_name, holder, lease_until, last_started_at) VALUES (?, ?, ?, ?)";
  private static final String FINISHED =
      "UPDATE job_lease SET last_finished_at = ?, last_outcome = ? WHERE job_name = ? AND holder = ?";

  @Inject Database database;

  /** This instance, as {@code job_lease.holder} shows it ({@link ApplicationStart#instance}). */
  public String instance() {
    return ApplicationStart.instance();
  }

  /**
   * Takes the lease of {@code job} for {@code holder} from {@code now} for {@code length}, when its
   * last lease has run out (or there was none); false when somebody else holds it.
   */
  public boolean acquire(String job, String holder, Instant now, Duration length) {
    long until = now.plus(length).toEpochMilli();
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement take = connection.prepareStatement(TAKE)) {
        take.setString(1, holder);
        take.setLong(2, until);
        take.setLong(3, now.toEpochMilli());
        take.setString(4, job);
        take.setLong(5, now.toEpochMilli());
        if (take.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement create = connection.prepareStatement(CREATE)) {
        create.setString(1, job);
        create.setString(2, holder);
        create.setLong(3, until);
        create.setLong(4, now.toEpochMilli());
        return create.executeUpdate() == 1;
      } catch (SQLIntegrityConstraintViolationException held) {
        return false; // the row exists: its lease has not run out, or another contender made it
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Lease of job " + job + " not read: " + e.getMessage(), e);
    }
  }

  /** Notes how the holder's run ended; the lease itself runs to its end. */
  public void finished(String job, String holder, Instant at, String outcome) {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement finished = connection.prepareStatement(FINISHED)) {
      connection.setAutoCommit(true);
      finished.setLong(1, at.toEpochMilli());
      finished.setString(2, truncated(outcome, 255));
      finished.setString(3, job);
      finished.setString(4, holder);
      finished.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Lease of job " + job + " not updated: " + e.getMessage(), e);
    }
  }

  private static String truncated(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
