package org.brokersso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The black-box WAR on WildFly, set up as its README says a sysadmin would ({@code
 * server-config/wildfly/}), for the WildFly pass of the tests ({@code mvn -Pwildfly verify}, which
 * unpacks WildFly under {@code target/} and names it with {@value #HOME}).
 *
 * <p>Each run gets a fresh server base directory ({@code target/wildfly-server}: a copy of the
 * distribution's {@code standalone/configuration}), so the unpacked distribution stays as shipped.
 * The product's own {@code configure.cli} is applied to it offline, in an embedded server, with the
 * properties file and secrets directory its header describes: {@code db.url} and {@code db.user}
 * become system properties, and the secrets directory holds the operator password (a secret, so not
 * a {@code -D}). The script's closing {@code reload} is left out: an embedded server is stopped
 * right after, and a reload there would boot the whole server on WildFly's fixed default ports. The
 * WAR goes to the deployment scanner's folder, and {@code standalone.sh} starts WildFly with the
 * tests' other settings as {@code -D} and every port free; WildFly listens on 127.0.0.1 (no {@code
 * -b}), which is where the tests are.
 *
 * <p>Ready means what a load balancer would check: MicroProfile Health on the management interface
 * ({@code /health/ready}), which includes WildFly's own {@code deployments-status}.
 */
final class WildFlyServer {

  /** System property: the unpacked WildFly distribution to run the black-box WAR on. */
  static final String HOME = "it.wildfly.home";

  private static final Path BASE = Path.of("target", "wildfly-server").toAbsolutePath();
  private static final Path CONFIGURE_CLI = Path.of("server-config", "wildfly", "configure.cli");

  private final Path home;

  WildFlyServer(Path home) {
    this.home = home.toAbsolutePath();
  }

  /**
   * Prepares a fresh base directory with the WAR and starts WildFly on these ports; answers the
   * {@code standalone.sh} process (stop it with {@link #stop}).
   *
   * @param settings the tests' server settings as {@code -Dkey=value}
   */
  Process start(Path war, List<String> settings, String operatorPassword, Ports ports, Path log) {
    try {
      deleteRecursively(BASE);
      Path configuration = Files.createDirectories(BASE.resolve("configuration"));
      try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.copy(file, configuration.resolve(file.getFileName()));
        }
      }
      long configuring = System.nanoTime();
      configure(operatorPassword, log);
      System.out.printf(
          "WildFly: configure.cli applied in %d s%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - configuring));
      Files.copy(
          war,
          Files.createDirectories(BASE.resolve("deployments")).resolve(war.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);

      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/standalone.sh").toString());
      command.addAll(List.of("-c", "standalone-microprofile.xml"));
      command.add("-Djboss.server.base.dir=" + BASE);
      command.add("-Djboss.http.port=" + ports.http());
      command.add("-Djboss.https.port=" + ports.https());
      command.add("-Djboss.management.http.port=" + ports.management());
      command.add("-Djboss.management.https.port=" + ports.managementHttps());
      // a busy machine may take longer than WildFly's 300 s to boot and deploy; readiness decides
      command.add("-Djboss.as.management.blocking.timeout=900");
      command.addAll(settings);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      // the script forwards SIGTERM to the server's JVM only when it runs it in the background
      builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
      builder.environment().put("NOPAUSE", "true");
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start WildFly from " + home, e);
    }
  }

  /**
   * Applies {@code server-config/wildfly/configure.cli} to the base directory in an embedded
   * server, as its README's "configure.cli" way does (properties file, secrets directory).
   */
  private void configure(String operatorPassword, Path log) throws IOException {
    Path secrets = Files.createDirectories(BASE.resolve("secrets"));
    Files.writeString(secrets.resolve("operator.password"), operatorPassword);
    String dbUrl = System.getenv().getOrDefault("DB_URL", "");
    String dbUser = System.getenv().getOrDefault("DB_USER", "");
    if (dbUrl.isBlank()) {
      // the WAR's default db.url, on the folder the tests read (AuditRows)
      dbUrl =
          "jdbc:h2:file:"
              + Path.of(BlackBoxServer.EMBEDDED_DIR).toAbsolutePath().normalize()
              + "/broker-sso;MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
      deleteRecursively(Path.of(BlackBoxServer.EMBEDDED_DIR));
      dbUser = "";
    } else {
      Files.writeString(
          secrets.resolve("db.password"), System.getenv().getOrDefault("DB_PASSWORD", ""));
    }
    Path properties = BASE.resolve("broker-sso.properties");
    Files.write(
        properties,
        List.of(
            "broker.sso.db.url=" + dbUrl.replace("\\", "\\\\"),
            "broker.sso.db.user=" + dbUser,
            "broker.sso.secrets.dir=" + secrets),
        StandardCharsets.UTF_8);
    List<String> script = new ArrayList<>();
    script.add("embed-server --server-config=standalone-microprofile.xml");
    for (String line : Files.readAllLines(CONFIGURE_CLI)) {
      if (!line.strip().equals("reload")) {
        script.add(line);
      }
    }
    script.add("stop-embedded-server");
    Path embedded = Files.write(BASE.resolve("configure-embedded.cli"), script);

    ProcessBuilder cli =
        new ProcessBuilder(
                home.resolve("bin/jboss-cli.sh").toString(),
                "--resolve-parameter-values",
                "--properties=" + properties,
                "--file=" + embedded)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    cli.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + BASE);
    cli.environment().put("NOPAUSE", "true");
    try {
      Process process = cli.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("configure.cli did not finish; see " + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("configure.cli failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server: SIGTERM to its JVM (the script's child), then to the script. */
  static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The ports WildFly listens on, all free ones: the application's and the management's. */
  record Ports(int http, int https, int management, int managementHttps) {

    static Ports free() {
      return new Ports(
          BlackBoxServer.freePort(),
          BlackBoxServer.freePort(),
          BlackBoxServer.freePort(),
          BlackBoxServer.freePort());
    }
  }
}
