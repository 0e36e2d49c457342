package org.brokersso.migration.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.migration.control.Migrations;
import org.brokersso.persistence.control.Database;
import org.brokersso.persistence.control.DatabaseOutage;
import org.brokersso.setup.control.ApplicationStart;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the schema up to date at deployment (Flyway: the SQL scripts of {@code db/migration} and
 * the Java migrations of {@code migration.control}), then has Hibernate validate the entities
 * against it, so a drift fails the deployment instead of a request. The persistence unit itself
 * never touches the schema.
 *
 * <p>A database that is away at deployment does not fail it: the application deploys, answers 503
 * and reports readiness DOWN ("starting"), and the migration is tried again every {@value
 * #RETRY_SECONDS} seconds on the runtime's scheduled executor until the database answers. One log
 * line says it waits, one that the schema is ready; nothing per attempt. So a server and its
 * database may start in any order (a host's reboot, containers started together), and a start that
 * cannot serve yet says so on readiness instead of answering 404 everywhere.
 */
@ApplicationScoped
public class SchemaMigrator {

  /** After the start-up checks of the configuration, before anything serves a request. */
  public static final int PRIORITY = 100;

  static final long RETRY_SECONDS = 2;

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Inject Database database;

  @Inject DatabaseOutage outage;

  @PersistenceUnit EntityManagerFactory emf;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  void migrate(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
    try {
      migrateAndValidate();
    } catch (RuntimeException failure) {
      if (!outage.explains(failure)) {
        throw failure; // a broken migration or a drifted schema: the deployment must fail
      }
      outage.refused(failure);
      LOG.warning(
          () ->
              "The database is away at start-up: the schema is migrated once it answers (tried"
                  + " every "
                  + RETRY_SECONDS
                  + " s); until then requests are answered 503 and readiness is DOWN");
      scheduler.schedule(this::retry, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void retry() {
    if (outage.stillAway()) { // asked outside the pool, which would log every failed attempt
      scheduler.schedule(this::retry, RETRY_SECONDS, TimeUnit.SECONDS);
      return;
    }
    try {
      migrateAndValidate();
      outage.answered();
      LOG.info("Schema ready: serving requests");
    } catch (RuntimeException failure) {
      if (outage.explains(failure)) {
        outage.refused(failure);
        scheduler.schedule(this::retry, RETRY_SECONDS, TimeUnit.SECONDS);
      } else {
        LOG.log(
            Level.SEVERE,
            "The schema migration failed once the database answered; the application stays"
                + " unready until it is redeployed",
            failure);
      }
    }
  }

  private void migrateAndValidate() {
    MigrateResult result =
        Migrations.configure().dataSource(database.dataSource()).load().migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    ApplicationStart.schemaReady();
  }
}
