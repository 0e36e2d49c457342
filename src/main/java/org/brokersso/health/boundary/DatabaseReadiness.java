package org.brokersso.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.brokersso.persistence.control.Database;
import org.brokersso.persistence.control.DatabaseOutage;
import org.brokersso.setup.control.ApplicationStart;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the application has started and while the database answers: every call of the
 * contract needs it. A DOWN answer says what is wrong in words, never with the server's class
 * names.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject Database database;
  @Inject DatabaseOutage outage;

  @Override
  public HealthCheckResponse call() {
    if (!ApplicationStart.isServing()) {
      return down("starting");
    }
    if (outage.stillAway()) {
      return down("unreachable"); // known away: not through the pool, which logs every failure
    }
    try (Connection connection = database.dataSource().getConnection()) {
      if (!connection.isValid(2)) {
        return down("unreachable");
      }
      outage.answered();
      return HealthCheckResponse.named("database")
          .up()
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException | RuntimeException e) {
      return down("unreachable");
    }
  }

  private static HealthCheckResponse down(String state) {
    return HealthCheckResponse.named("database").down().withData("state", state).build();
  }
}
