package org.brokersso.persistence.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The connection factory behind the server's pool for {@code java:app/jdbc/brokerSso} (declared in
 * {@code web.xml}). It reads {@code db.url}, {@code db.user} and {@code db.password} from
 * MicroProfile Config and picks the bundled driver that accepts the URL.
 *
 * <p>Why not placeholders in the descriptor: Payara resolves them against server-level sources only
 * and WildFly not at all, so neither the WAR's documented defaults (the embedded H2 file) nor one
 * syntax for both servers would work. Here the pool stays the server's; only the physical
 * connections come from this class.
 */
public class ConfiguredDataSource implements DataSource {

  private volatile Target target;
  private int loginTimeout;

  @Override
  public Connection getConnection() throws SQLException {
    Target t = target();
    Connection connection = t.driver().connect(t.url(), t.credentials());
    if (connection == null) {
      throw new SQLException("No bundled JDBC driver accepts db.url");
    }
    return connection;
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return getConnection();
  }

  private Target target() throws SQLException {
    Target t = target;
    if (t == null) {
      t = Target.fromConfig(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
      target = t;
    }
    return t;
  }

  /**
   * Connector/J settings that spare a round trip per connection hand-out, unless {@code db.url}
   * sets them. Measured in MariaDB's general log (docs/benchmarks.md): with the driver's defaults
   * every hand-out of a pooled connection sent {@code SET autocommit=1} and {@code
   * SELECT @@session.tx_isolation} (the pool resetting and checking what it already knows); twice
   * on the connection before one call 4.2. {@code useLocalSessionState} lets the driver answer
   * those from what it tracked itself, which is exact as long as nothing changes the session by SQL
   * (nothing here does); the statement cache keeps each statement's parse.
   */
  public static final Map<String, String> MYSQL_DEFAULTS =
      Map.of(
          "useLocalSessionState", "true",
          "cachePrepStmts", "true",
          "prepStmtCacheSize", "250",
          "prepStmtCacheSqlLimit", "2048",
          "cacheServerConfiguration", "true",
          "maintainTimeStats", "false");

  /** The resolved URL, credentials and driver; resolved once, on the first connection. */
  record Target(String url, Properties credentials, Driver driver) {
    static Target fromConfig(Config config) throws SQLException {
      String url = config.getValue("db.url", String.class);
      Properties credentials = new Properties();
      config
          .getOptionalValue("db.user", String.class)
          .ifPresent(u -> credentials.setProperty("user", u));
      config
          .getOptionalValue("db.password", String.class)
          .ifPresent(p -> credentials.setProperty("password", p));
      if (url.startsWith("jdbc:mysql:")) {
        MYSQL_DEFAULTS.forEach(
            (key, value) -> {
              if (!url.contains(key + "=")) {
                credentials.setProperty(key, value);
              }
            });
      }
      if (url.startsWith("jdbc:h2:")) {
        Driver bundled = BundledH2.driver();
        if (bundled != null) {
          return new Target(url, credentials, bundled);
        }
      }
      for (Driver driver :
          ServiceLoader.load(Driver.class, ConfiguredDataSource.class.getClassLoader())) {
        if (driver.acceptsURL(url)) {
          return new Target(url, credentials, driver);
        }
      }
      throw new SQLException(
          "No bundled JDBC driver accepts db.url (jdbc:h2: and jdbc:mysql: are supported)");
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
