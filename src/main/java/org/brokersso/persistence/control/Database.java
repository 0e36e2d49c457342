package org.brokersso.persistence.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * The product's one data source, resolved once while the application deploys (the schema migration
 * uses it first). Readiness checks run on threads where {@code java:app} is not bound (WildFly's
 * management threads), so they must reach the data source through this bean, never by lookup.
 */
@ApplicationScoped
public class Database {

  @Resource(lookup = "java:app/jdbc/brokerSso")
  DataSource dataSource;

  public DataSource dataSource() {
    return dataSource;
  }
}
