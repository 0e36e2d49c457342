package org.brokersso.setup.control;

/**
 * Whether the application has finished starting: the configuration checked, the schema migrated and
 * validated (which waits for a database that was away at deployment), the persistence unit up.
 * Until then the server may already accept connections (Payara opens its port before the WAR is
 * deployed), and a request would meet half-built beans.
 *
 * <p>A static flag rather than a bean, because it is read by servlet filters and health checks that
 * can run before CDI has finished starting the application; one per deployment, as each deployment
 * has its own class loader.
 */
public final class ApplicationStart {

  /**
   * This start of the application, as the database shows it (job leases, the instances polling the
   * revocation feed): the host name and a random part, so a restarted instance is a new one.
   */
  private static final String INSTANCE =
      truncated(
          System.getenv().getOrDefault("HOSTNAME", "instance")
              + "/"
              + java.util.UUID.randomUUID().toString().substring(0, 8),
          128);

  private static volatile boolean started;

  private static volatile boolean schemaReady;

  private ApplicationStart() {}

  /** Called once, by the last start-up step. */
  public static void completed() {
    started = true;
  }

  /**
   * Called once the schema is migrated and validated: at deployment, or later when the database was
   * away at deployment (the migration then waits for it).
   */
  public static void schemaReady() {
    schemaReady = true;
  }

  public static boolean isServing() {
    return started && schemaReady;
  }

  /** See {@link #INSTANCE}: at most 128 characters. */
  public static String instance() {
    return INSTANCE;
  }

  private static String truncated(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
