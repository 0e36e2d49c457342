package org.brokersso.persistence.control;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.util.Collections;
import java.util.logging.Logger;

/**
 * The H2 engine bundled in the WAR, loaded apart from the server's. Payara ships its own H2
 * (2.2.224) and its class loader prefers it to the WAR's; under concurrent inserts that version
 * handed out duplicate identity keys (docs/benchmarks.md), which the bundled 2.3 does not. H2 needs
 * nothing but the JDK, so a loader over its one jar, below the platform loader, is all it takes.
 * Where no server copy shadows it (WildFly), the ordinary lookup finds the same jar anyway.
 */
final class BundledH2 {

  private static final Logger LOG = Logger.getLogger(BundledH2.class.getName());

  private BundledH2() {}

  /** The driver of the WAR's own H2 jar, or null when the WAR's copy cannot be told apart. */
  static Driver driver() {
    try {
      for (URL found :
          Collections.list(BundledH2.class.getClassLoader().getResources("org/h2/Driver.class"))) {
        String location = found.toString();
        int inJar = location.indexOf("!/");
        if (location.startsWith("jar:") && location.contains("/WEB-INF/lib/") && inJar > 0) {
          URL jar = new URL(location.substring("jar:".length(), inJar));
          ClassLoader isolated =
              new URLClassLoader(
                  "bundled-h2", new URL[] {jar}, ClassLoader.getPlatformClassLoader());
          Driver driver =
              (Driver)
                  Class.forName("org.h2.Driver", true, isolated)
                      .getDeclaredConstructor()
                      .newInstance();
          LOG.info(
              () ->
                  "Embedded database: H2 "
                      + driver.getMajorVersion()
                      + "."
                      + driver.getMinorVersion()
                      + " from "
                      + jar);
          return driver;
        }
      }
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      LOG.warning(
          () -> "Bundled H2 not loadable apart from the server's copy; using the server's: " + e);
    }
    return null;
  }
}
