package org.brokersso.migration.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import org.brokersso.migration.control.Migrations;
import org.brokersso.persistence.control.Database;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the schema up to date at deployment (Flyway: the SQL scripts of {@code db/migration} and
 * the Java migrations of {@code migration.control}), then has Hibernate validate the entities
 * against it, so a drift fails the deployment instead of a request. The persistence unit itself
 * never touches the schema.
 */
@ApplicationScoped
public class SchemaMigrator {

  /** After the start-up checks of the configuration, before anything serves a request. */
  public static final int PRIORITY = 100;

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Inject Database database;

  @PersistenceUnit EntityManagerFactory emf;

  void migrate(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
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
  }
}
