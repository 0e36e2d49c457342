package org.brokersso.persistence.control;

import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.engine.transaction.jta.platform.internal.StandardJtaPlatformResolver;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformResolver;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Tells the bundled Hibernate how to join the server's transactions. Payara (GlassFish lineage) is
 * not recognised by Hibernate's own detection, so it is chosen here when its transaction manager is
 * bound; elsewhere Hibernate's detection decides. WildFly sets its platform itself, which takes
 * precedence over any resolver, so naming Payara's platform statically is not an option.
 */
public class ServerJtaPlatformResolver implements JtaPlatformResolver {

  static final String PAYARA_TRANSACTION_MANAGER = "java:appserver/TransactionManager";

  @Override
  @SuppressWarnings("rawtypes")
  public JtaPlatform resolveJtaPlatform(
      Map configurationValues, ServiceRegistryImplementor registry) {
    if (isBound(PAYARA_TRANSACTION_MANAGER)) {
      return new SunOneJtaPlatform();
    }
    return StandardJtaPlatformResolver.INSTANCE.resolveJtaPlatform(configurationValues, registry);
  }

  private static boolean isBound(String name) {
    try {
      new InitialContext().lookup(name);
      return true;
    } catch (NamingException e) {
      return false;
    }
  }
}
