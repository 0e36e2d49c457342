package org.brokersso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The one server all black-box test classes ({@link ContractIT} and the other classes that talk to
 * the WAR over HTTP only) share in a test JVM: a JUnit 5 extension that starts it for the first
 * such class and stops it when the test run ends (a value in the root context's store, which JUnit
 * closes last).
 *
 * <p>Why not Arquillian here: Arquillian's Payara Micro container deploys (and so cold-starts a
 * Payara Micro) once per test class, which made 13 starts of the same WAR, about 15 s each on the
 * 2-core machine. A black-box test, like a system test in a module of its own, needs nothing from
 * the server but its base URL: it speaks HTTP to it and, like cTrader, reads nothing inside it (the
 * audit and sandbox rows it checks are read straight from the database). So the server is a plain
 * process. Arquillian stays for the in-container tests ({@link Deployments#withTests}), which need
 * their classes deployed into the server.
 *
 * <p>The server is the one named by the system property {@value #BASE_URL} (or the environment
 * variable {@code IT_BASE_URL}) when set, e.g. a WildFly that runs {@link
 * Deployments#exportBlackBox() target/broker-sso-blackbox.war} with the settings below. Otherwise
 * Payara Micro ({@code target/payara-micro.jar}) runs that WAR at the root of a free port, started
 * as the README starts the product ({@link PayaraMicroStart}), with the settings arquillian.xml
 * gives the in-container servers: an embedded H2 under {@value #EMBEDDED_DIR} (of its own, so that
 * it never shares a file with an Arquillian server; {@code DB_URL} in the environment still wins),
 * mail to the tests' SMTP server ({@link #smtpPort()}), the broker's own login address {@code
 * /Trader/Logon} and the operator password; the OT lifetime is the product's default, {@link
 * #otTokenTtl()}, since the tests move the server's clock ({@link
 * ContractClient#advanceServerClock}) rather than wait. Its output goes to {@code
 * target/blackbox-server.log}; {@code it.blackbox.jvm-options} adds JVM options (a debugger, say).
 * A named server needs the same settings, and the tests read its database through {@code DB_URL}
 * ({@link AuditRows}, {@link SandboxRows}); {@code it.readiness-url} names its readiness check if
 * it is not {@code health/ready} on the base URL (WildFly's is on the management port). With
 * {@value WildFlyServer#HOME} set ({@code mvn -Pwildfly verify}), the WAR runs on that WildFly
 * instead of Payara Micro, with the same settings ({@link WildFlyServer}).
 *
 * <p>Sharing one server means sharing its memory across classes: the login throttle's counter for
 * the tests' one client address (127.0.0.1; {@code user.login.address-free-failures}, 20 in 15
 * minutes) sees every wrong password of the whole run (fewer than ten today), and the test clock
 * only moves forward. Every test makes its own traders, tokens and e-mail addresses.
 */
public final class BlackBoxServer implements BeforeAllCallback {

  /** System property naming a running server to test instead of starting one. */
  public static final String BASE_URL = "it.base-url";

  /** Where the started server keeps its embedded database (db.embedded.dir). */
  public static final String EMBEDDED_DIR = "./target/it-data/blackbox";

  /** The operator password the started server is given ({@code it.operator.password}). */
  public static final String OPERATOR_PASSWORD =
      System.getProperty("it.operator.password", "it-operator-password-0123456789");

  private static final Namespace NAMESPACE = Namespace.create(BlackBoxServer.class);
  private static final Path LOG = Path.of("target", "blackbox-server.log");

  /**
   * How long a start may take: about 20 s on a quiet machine, minutes on a busy one ({@code
   * it.blackbox.startup}, an ISO-8601 duration). The wait ends at once when the process dies.
   */
  private static final Duration STARTUP =
      Duration.parse(System.getProperty("it.blackbox.startup", "PT8M"));

  /**
   * WildFly's: configure.cli in an embedded server, then a boot and a deployment; on a quiet
   * machine under a minute, on a busy one several.
   */
  private static final Duration WILDFLY_STARTUP = Duration.ofSeconds(600);

  private static volatile Server current;
  private static volatile Integer smtpPort;

  @Override
  public void beforeAll(ExtensionContext context) {
    // the server mails there from its first request on (signup codes, resets): a mail sent before
    // a test first looked into the mailbox would otherwise be lost
    TestMailbox.start();
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, key -> start());
  }

  /** The server's base URL, ending in "/"; starts the server if no test class has yet. */
  public static URI base() {
    Server server = current;
    return (server != null ? server : start()).base();
  }

  /**
   * Where the server answers MicroProfile Health's readiness: {@code health/ready} on its base URL
   * (Payara), on WildFly's management port, or for a named server {@code it.readiness-url} if set.
   */
  public static URI readiness() {
    Server server = current;
    server = server != null ? server : start();
    return server.readiness();
  }

  /**
   * The port of the SMTP server the tests run in their JVM (GreenMail), where the server sends its
   * mail: {@code it.smtp.port} (the pom reserves a free one), else a free port picked once.
   */
  public static synchronized int smtpPort() {
    if (smtpPort == null) {
      smtpPort = Integer.getInteger("it.smtp.port", freePort());
    }
    return smtpPort;
  }

  /** The server's OT-token lifetime: {@code it.ot-token.ttl}, by default the product's PT60S. */
  public static Duration otTokenTtl() {
    return Duration.parse(System.getProperty("it.ot-token.ttl", "PT60S"));
  }

  private static synchronized Server start() {
    if (current == null) {
      String configured =
          System.getProperty(BASE_URL, System.getenv().getOrDefault("IT_BASE_URL", ""));
      String wildFly = System.getProperty(WildFlyServer.HOME, "");
      current =
          !configured.isBlank()
              ? new Server(URI.create(configured.endsWith("/") ? configured : configured + "/"))
              : wildFly.isBlank() ? Server.payaraMicro() : Server.wildFly(Path.of(wildFly));
    }
    return current;
  }

  /**
   * The settings every started server gets, as {@code -D} options (see the class comment); the
   * operator password too on Payara Micro, which WildFly reads from its secrets directory instead.
   */
  static List<String> settings() {
    return List.of(
        "-Dsso.ot-token.ttl=" + otTokenTtl(),
        "-Ddb.embedded.dir=" + EMBEDDED_DIR,
        "-Dmail.smtp.host=127.0.0.1",
        "-Dmail.smtp.port=" + smtpPort(),
        "-Dmail.smtp.starttls=false",
        "-Dmail.timeout=PT3S",
        "-Dscreen.login-path=/Trader/Logon",
        // no scheduled jobs: the purge reads the test clock, which tests move weeks ahead, and a
        // retry run would push ribbons while a test counts them (InServerSandboxIT runs the jobs)
        "-Djobs.enabled=false",
        // successful 4.3 calls reach the audit trail aggregated per period: short here, so that
        // AuthorizeResourceIT sees the aggregated row without waiting a minute
        "-Dsso.access-token.verify-audit.period=PT1S",
        // a page on 127.0.0.1 (another site than localhost) may frame the screens, as cTrader does
        // (ScreenSecurityIT#embeddedWithThirdPartyCookiesBlocked)
        "-Dscreen.frame-ancestors='self' https://app.ctrader.com http://127.0.0.1:*");
  }

  /**
   * Asks {@code readiness} until it answers 200 (true), or until {@code process} has died or {@code
   * startup} has passed since {@code started} (false).
   */
  static boolean readyInTime(URI readiness, Process process, long started, Duration startup) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(10)).build();
    while (true) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive() || System.nanoTime() - started > startup.toNanos()) {
        return false;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server the tests talk to; the process when this JVM started it. */
  private record Server(URI base, Process process, String runtime, URI readiness, Duration startup)
      implements AutoCloseable {

    Server(URI base) {
      this(
          base,
          null,
          "named server",
          URI.create(
              System.getProperty("it.readiness-url", base.resolve("health/ready").toString())),
          Duration.ZERO);
    }

    static Server payaraMicro() {
      Path war = Deployments.exportBlackBox();
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      for (String option : System.getProperty("it.blackbox.jvm-options", "").split("\\s+")) {
        if (!option.isBlank()) {
          command.add(option);
        }
      }
      command.addAll(settings());
      command.add("-Doperator.password=" + OPERATOR_PASSWORD);
      command.addAll(PayaraMicroStart.arguments(war, port));
      long started = System.nanoTime();
      Process process;
      try {
        if (System.getenv().getOrDefault("DB_URL", "").isBlank()) {
          // a fresh embedded database each run, as on WildFly: the throttle counters live there,
          // stamped with the clock of the run that wrote them, which the tests moved forward
          WildFlyServer.deleteRecursively(Path.of(EMBEDDED_DIR));
        }
        Files.createDirectories(LOG.getParent());
        process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile())
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start Payara Micro", e);
      }
      URI base = URI.create("http://localhost:" + port + "/");
      return new Server(base, process, "Payara Micro", base.resolve("health/ready"), STARTUP)
          .awaitReady(started);
    }

    /**
     * WildFly ({@link WildFlyServer}) from the distribution at {@code home}: same WAR, same
     * settings; health is on the management port.
     */
    static Server wildFly(Path home) {
      Path war = Deployments.exportBlackBox();
      WildFlyServer.Ports ports = WildFlyServer.Ports.free();
      long started = System.nanoTime();
      try {
        Files.createDirectories(LOG.getParent());
        Files.deleteIfExists(LOG);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Process process =
          new WildFlyServer(home).start(war, settings(), OPERATOR_PASSWORD, ports, LOG);
      return new Server(
              URI.create("http://localhost:" + ports.http() + "/"),
              process,
              "WildFly",
              URI.create("http://127.0.0.1:" + ports.management() + "/health/ready"),
              WILDFLY_STARTUP)
          .awaitReady(started);
    }

    /**
     * Waits until the readiness check answers 200 (the WAR is deployed and reaches its database);
     * the server stops with the test JVM.
     */
    private Server awaitReady(long started) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop black-box server"));
      waitForReadiness(started);
      System.out.printf(
          "Black-box server: %s at %s ready in %d s (log: %s)%n",
          runtime, base, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), LOG);
      return this;
    }

    private void waitForReadiness(long started) {
      boolean ready;
      try {
        ready = readyInTime(readiness, process, started, startup);
      } catch (IllegalStateException interrupted) {
        close();
        throw interrupted;
      }
      if (!ready) {
        close();
        throw new IllegalStateException(
            runtime + " did not become ready at " + base + "; see " + LOG);
      }
    }

    /** Stops the started server (SIGTERM, then kill after 30 s); a named server is left alone. */
    @Override
    public void close() {
      if (process == null || !process.isAlive()) {
        return;
      }
      if (runtime.equals("WildFly")) {
        WildFlyServer.stop(process);
      } else {
        process.destroy();
      }
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
