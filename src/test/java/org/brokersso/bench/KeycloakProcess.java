package org.brokersso.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak (the Quarkus distribution unpacked by the bench profile) in a process of its own, in
 * production mode ({@code kc.sh start}, not {@code start-dev}) with its default settings, on a
 * fresh MariaDB database {@code keycloak_bench}: only what a loopback benchmark needs is set (plain
 * HTTP on 127.0.0.1 and a free port, no strict hostname, the database, health checks for readiness,
 * a bootstrap admin through the environment).
 */
final class KeycloakProcess implements AutoCloseable {

  /** Set by the bench profile from the pom's keycloak.version. */
  static final String VERSION = System.getProperty("keycloak.version", "unknown");

  static final String DATABASE = "keycloak_bench";
  static final String ADMIN = "bench-admin";

  private final Process process;
  private final String baseUrl;
  private final String adminPassword;
  private final String java;

  private KeycloakProcess(Process process, String baseUrl, String adminPassword, String java) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.adminPassword = adminPassword;
    this.java = java;
  }

  static KeycloakProcess start(int port, int managementPort, Path logs)
      throws IOException, InterruptedException, SQLException {
    Path home =
        Path.of(System.getProperty("bench.keycloak.home", "target/keycloak-" + VERSION))
            .toAbsolutePath();
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "No Keycloak at " + home + "; the bench profile unpacks it (mvn -Pbench verify)");
    }
    Path javaHome = javaHome();
    freshDatabase();
    Files.createDirectories(logs);

    // the build step fixes the build-time options (database vendor, health) for start --optimized
    run(
        home,
        javaHome,
        logs.resolve("keycloak-build.log"),
        List.of("bin/kc.sh", "build", "--db=mariadb", "--health-enabled=true"));

    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    Path log = logs.resolve("keycloak.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "bin/kc.sh",
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                "--db-url=jdbc:mariadb://127.0.0.1:3306/" + DATABASE,
                "--db-username=root",
                "--db-password=")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
    Process process = builder.start();
    // a benchmark stopped half-way (Ctrl-C) must not leave Keycloak running
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    KeycloakProcess server =
        new KeycloakProcess(
            process,
            "http://127.0.0.1:" + port + "/",
            password,
            javaVersion(javaHome) + " (" + javaHome + ")");
    URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!ready(ready)) {
      if (!server.process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new IllegalStateException("Keycloak did not become ready; see " + log);
      }
      Thread.sleep(500);
    }
    return server;
  }

  String baseUrl() {
    return baseUrl;
  }

  String adminPassword() {
    return adminPassword;
  }

  /** The Java it runs on, for the report. */
  String java() {
    return java;
  }

  /**
   * The JDK for Keycloak (it needs 21 or later; the product stays on 17): {@code
   * bench.keycloak.java-home}, else the newest JDK of at least 21 under /usr/lib/jvm.
   */
  static Path javaHome() throws IOException {
    String configured = System.getProperty("bench.keycloak.java-home", "");
    if (!configured.isBlank()) {
      Path home = Path.of(configured);
      if (major(home).orElse(0) < 21) {
        throw new IllegalStateException(
            "bench.keycloak.java-home=" + configured + " is not a JDK of version 21 or later");
      }
      return home;
    }
    Path jvms = Path.of("/usr/lib/jvm");
    List<Path> candidates = new ArrayList<>();
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> homes = Files.list(jvms)) {
        homes.filter(h -> major(h).orElse(0) >= 21).forEach(candidates::add);
      }
    }
    return candidates.stream()
        .max(Comparator.comparingInt((Path h) -> major(h).orElse(0)))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Keycloak needs Java 21 or later and none was found under /usr/lib/jvm: set"
                        + " -Dbench.keycloak.java-home=/path/to/jdk, or -Dbench.keycloak=false"
                        + " to leave Keycloak out"));
  }

  private static Optional<Integer> major(Path home) {
    String version = javaVersion(home);
    if (version.isEmpty() || !Files.isExecutable(home.resolve("bin/java"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** JAVA_VERSION from the JDK's release file, or empty. */
  private static String javaVersion(Path home) {
    try {
      return Files.readAllLines(home.resolve("release")).stream()
          .filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  /** Keycloak accepts root's empty password, so no dedicated MariaDB user is needed. */
  private static void freshDatabase() throws SQLException {
    try (Connection admin =
        DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "")) {
      admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE);
      admin
          .createStatement()
          .execute(
              "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  private static void run(Path home, Path javaHome, Path log, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    Process p = builder.start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
    }
  }

  private static boolean ready(URI uri) {
    try {
      return HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM (kc.sh execs the JVM): Keycloak shuts down cleanly. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
