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
 * Payara Micro ({@code target/payara-micro.jar}) runs that WAR at the root of a free port, with the
 * settings arquillian.xml gives the in-container servers: an embedded H2 under {@value
 * #EMBEDDED_DIR} (of its own, so that it never shares a file with an Arquillian server; {@code
 * DB_URL} in the environment still wins), mail to the tests' SMTP server ({@link #smtpPort()}), the
 * broker's own login address {@code /Trader/Logon} and the operator password; the OT lifetime is
 * the product's default, {@link #otTokenTtl()}, since the tests move the server's clock ({@link
 * ContractClient#advanceServerClock}) rather than wait. Its output goes to {@code
 * target/blackbox-server.log}; {@code it.blackbox.jvm-options} adds JVM options (a debugger, say).
 * A named server needs the same settings, and the tests read its database through {@code DB_URL}
 * ({@link AuditRows}, {@link SandboxRows}).
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
  private static final Duration STARTUP = Duration.ofSeconds(240);

  private static volatile Server current;
  private static volatile Integer smtpPort;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, key -> start());
  }

  /** The server's base URL, ending in "/"; starts the server if no test class has yet. */
  public static URI base() {
    Server server = current;
    return (server != null ? server : start()).base();
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
      current =
          configured.isBlank()
              ? Server.payaraMicro()
              : new Server(URI.create(configured.endsWith("/") ? configured : configured + "/"));
    }
    return current;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server the tests talk to; the process when this JVM started it. */
  private record Server(URI base, Process process) implements AutoCloseable {

    Server(URI base) {
      this(base, null);
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
      command.add("-Dsso.ot-token.ttl=" + otTokenTtl());
      command.add("-Ddb.embedded.dir=" + EMBEDDED_DIR);
      command.add("-Dmail.smtp.host=127.0.0.1");
      command.add("-Dmail.smtp.port=" + smtpPort());
      command.add("-Dmail.smtp.starttls=false");
      command.add("-Dmail.timeout=PT3S");
      command.add("-Dscreen.login-path=/Trader/Logon");
      // a page on 127.0.0.1 (another site than localhost) may frame the screens, as cTrader does
      // (ScreenSecurityIT#embeddedWithThirdPartyCookiesBlocked)
      command.add(
          "-Dscreen.frame-ancestors='self' https://app.ctrader.com https://*.ctrader.com"
              + " http://127.0.0.1:*");
      command.add("-Doperator.password=" + OPERATOR_PASSWORD);
      command.addAll(
          List.of(
              "-jar",
              "target/payara-micro.jar",
              "--deploy",
              war.toString(),
              "--contextroot",
              "/",
              "--port",
              Integer.toString(port),
              "--nocluster"));
      long started = System.nanoTime();
      Process process;
      try {
        Files.createDirectories(LOG.getParent());
        process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile())
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start Payara Micro", e);
      }
      Server server = new Server(URI.create("http://localhost:" + port + "/"), process);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop black-box server"));
      server.awaitReady(started);
      System.out.printf(
          "Black-box server: Payara Micro at %s ready in %d s (log: %s)%n",
          server.base(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), LOG);
      return server;
    }

    /** Waits until /health/ready answers 200: the WAR is deployed and reaches its database. */
    private void awaitReady(long started) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest ready =
          HttpRequest.newBuilder(base.resolve("health/ready"))
              .timeout(Duration.ofSeconds(10))
              .build();
      while (true) {
        try {
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          throw new IllegalStateException(e);
        }
        if (!process.isAlive() || System.nanoTime() - started > STARTUP.toNanos()) {
          close();
          throw new IllegalStateException(
              "Payara Micro did not become ready at " + base + "; see " + LOG);
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          throw new IllegalStateException(e);
        }
      }
    }

    /** Stops the started server (SIGTERM, then kill after 30 s); a named server is left alone. */
    @Override
    public void close() {
      if (process == null || !process.isAlive()) {
        return;
      }
      process.destroy();
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
