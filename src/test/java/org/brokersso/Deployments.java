package org.brokersso;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every Arquillian test deploys: the WAR that {@code mvn package} built, exactly as a
 * sysadmin would deploy it, named ROOT so Payara Micro serves it at the server root like the
 * contract requires. Failsafe runs after {@code package}, so the file is always there.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive war() {
    File built = new File("target/broker-sso.war");
    if (!built.isFile()) {
      throw new IllegalStateException(
          "target/broker-sso.war is missing: run the tests through 'mvn verify'");
    }
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, built));
  }

  /**
   * The same WAR plus test classes, for tests that run inside the server (Arquillian's {@code
   * testable = true}): they need the product's database, which only the server reaches.
   */
  public static WebArchive withTests(Class<?>... testClasses) {
    return war().addClasses(testClasses);
  }
}
