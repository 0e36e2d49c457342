package org.brokersso.migration.control;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The product's Flyway set-up, in one place for the deployment and the test that starts two
 * migrations at once: the SQL scripts of {@code db/migration} and the Java migrations of this
 * package. Flyway applies each migration under a lock on the schema history (a named lock on MySQL
 * and MariaDB, a table lock on H2), so instances starting together on an empty database may share
 * the work but apply each version once.
 */
public final class Migrations {

  private Migrations() {}

  /** Everything but the data source. */
  public static FluentConfiguration configure() {
    return Flyway.configure(Migrations.class.getClassLoader())
        .locations("classpath:db/migration")
        .javaMigrations(new CanonicalEmailMigration()); // V10; registered, since none is scanned
  }
}
