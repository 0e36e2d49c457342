package org.brokersso.persistence.control;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.DialectDelegateWrapper;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.internal.StandardDialectResolver;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.env.spi.IdentifierCaseStrategy;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelperBuilder;

/**
 * The SQL dialect, named in {@code persistence.xml} so that the persistence unit starts even while
 * the database is away: without a named dialect Hibernate asks the database which it is, and a
 * database that does not answer at deployment failed the deployment (the server then answered 404
 * everywhere until restarted by hand).
 *
 * <p>When the database answers, Hibernate hands its metadata to the first constructor, and the
 * dialect is exactly the one Hibernate would have chosen itself. When it does not, Hibernate uses
 * the second, and the dialect follows {@code db.url}: H2 for {@code jdbc:h2:}, MySQL otherwise (the
 * two the product bundles a driver for), at Hibernate's default version.
 */
public class ConfiguredDialect extends DialectDelegateWrapper {

  /**
   * How the database stores unquoted names, when it could not be asked: null when it was. The
   * schema validation after a late migration looks tables up by these names.
   */
  private final IdentifierCaseStrategy unaskedCase;

  /** The database answered: its name and version decide, as without this class. */
  public ConfiguredDialect(DialectResolutionInfo info) {
    super(resolved(info));
    unaskedCase = null;
  }

  /** The database did not answer at deployment: {@code db.url} decides. */
  public ConfiguredDialect() {
    this(
        ConfigProvider.getConfig(ConfiguredDialect.class.getClassLoader())
            .getValue("db.url", String.class));
  }

  private ConfiguredDialect(String url) {
    super(forUrl(url));
    unaskedCase = unquotedCase(url);
  }

  @Override
  public IdentifierHelper buildIdentifierHelper(
      IdentifierHelperBuilder builder, DatabaseMetaData metadata) throws SQLException {
    IdentifierHelper asked = super.buildIdentifierHelper(builder, metadata);
    if (metadata != null || unaskedCase == null) {
      return asked;
    }
    builder.setUnquotedCaseStrategy(unaskedCase);
    return builder.build();
  }

  /**
   * What the database would have said: H2 folds names to upper case unless told {@code
   * DATABASE_TO_LOWER} (the product's URLs do); MySQL and MariaDB keep them as written.
   */
  static IdentifierCaseStrategy unquotedCase(String url) {
    if (!url.startsWith("jdbc:h2:")) {
      return IdentifierCaseStrategy.MIXED;
    }
    return url.toUpperCase(Locale.ROOT).contains("DATABASE_TO_LOWER=TRUE")
        ? IdentifierCaseStrategy.LOWER
        : IdentifierCaseStrategy.UPPER;
  }

  private static Dialect resolved(DialectResolutionInfo info) {
    Dialect dialect = new StandardDialectResolver().resolveDialect(info);
    return dialect != null ? dialect : new MySQLDialect(info);
  }

  static Dialect forUrl(String url) {
    return url.startsWith("jdbc:h2:") ? new H2Dialect() : new MySQLDialect();
  }
}
