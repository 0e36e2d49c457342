package org.brokersso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * H2 in server mode, in the test JVM, on a free port: the database of the Payara Micro servers a
 * test starts for itself ({@code AvailabilityIT}, {@code ClusterIT}), which reach it over TCP as
 * they would reach MySQL. Its files go under {@code target/it-data/<folder>}.
 */
public final class ServerModeH2 {

  private ServerModeH2() {}

  public static Server start(String folder) {
    Path data = Path.of("target", "it-data", folder).toAbsolutePath();
    try {
      Files.createDirectories(data);
      return Server.createTcpServer(
              "-tcpPort",
              Integer.toString(BlackBoxServer.freePort()),
              "-ifNotExists",
              "-baseDir",
              data.toString())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("H2 does not start", e);
    }
  }

  /** The product's {@code db.url} for the database {@code name} of the server on {@code port}. */
  public static String url(int port, String name) {
    return "jdbc:h2:tcp://127.0.0.1:"
        + port
        + "/"
        + name
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000";
  }
}
