package org.brokersso;

import java.io.File;
import java.nio.file.Path;
import org.brokersso.testclock.ScreenSessions;
import org.brokersso.testclock.ScreenSessionsResource;
import org.brokersso.testclock.TestClock;
import org.brokersso.testclock.TestClockApplication;
import org.brokersso.testclock.TestClockResource;
import org.brokersso.testfault.ServerFaultServlet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the tests deploy: the WAR that {@code mvn package} built, exactly as a sysadmin
 * would deploy it, named ROOT so Payara Micro serves it at the server root like the contract
 * requires. Failsafe runs after {@code package}, so the file is always there.
 */
public final class Deployments {

  /** Where {@link #exportBlackBox()} writes the black-box test WAR. */
  public static final Path BLACK_BOX_WAR = Path.of("target", "broker-sso-blackbox.war");

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

  /**
   * What the black-box tests run against: the built WAR plus the {@link TestClock}, which lets a
   * test move the server's clock forward over HTTP ({@link TestClockResource}) instead of sleeping
   * until a token expires, and a servlet that fails on request ({@link ServerFaultServlet}), so a
   * test sees what the server answers to an unexpected failure. Nothing else differs from the
   * product WAR.
   */
  public static WebArchive blackBox() {
    return war()
        .addClasses(
            TestClock.class,
            TestClockResource.class,
            TestClockApplication.class,
            ServerFaultServlet.class,
            ScreenSessions.class,
            ScreenSessionsResource.class);
  }

  /**
   * Writes {@link #blackBox()} to {@code target/broker-sso-blackbox.war}, for a server outside
   * Arquillian ({@link BlackBoxServer} starts Payara Micro with it; another server can deploy the
   * same file and be named by {@code it.base-url}).
   */
  public static Path exportBlackBox() {
    blackBox().as(ZipExporter.class).exportTo(BLACK_BOX_WAR.toFile(), true);
    return BLACK_BOX_WAR;
  }
}
