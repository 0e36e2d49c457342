package org.brokersso.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.brokersso.ContractClient;

/**
 * The token API benchmark (issue 6): calls 4.1, 4.2 and 4.3 over HTTP with wrk against the WAR on
 * Payara Micro, at concurrency 1, 16 and 64, on MariaDB and on the embedded H2 file; beside each
 * row, the same database work driven over plain JDBC ({@link JdbcLimit}); after the MariaDB rows,
 * Keycloak alone on the same MariaDB, doing the same three jobs (issue 15). Writes the tables into
 * docs/benchmarks.md (between the generated-block markers) and the raw output under target/bench.
 *
 * <p>Run it with {@code mvn -Pbench verify} (see docs/testing.md). Durations: {@code bench.warmup}
 * (PT5S) and {@code bench.duration} (PT15S); {@code bench.databases} (mariadb,h2; empty for
 * Keycloak alone); {@code bench.keycloak} (true); {@code bench.concurrency} (1,16,64; the highest
 * is profiled).
 */
public final class TokenApiBenchmark {

  /** A free port, not a fixed one: other builds on the machine may be running servers. */
  private static final int PORT = org.brokersso.BlackBoxServer.freePort();

  private static final int[] CONCURRENCY =
      java.util.Arrays.stream(System.getProperty("bench.concurrency", "1,16,64").split(","))
          .mapToInt(Integer::parseInt)
          .toArray();
  private static final Path OUT = Path.of("target/bench");

  private final Duration warmUp = Duration.parse(System.getProperty("bench.warmup", "PT5S"));
  private final Duration measured = Duration.parse(System.getProperty("bench.duration", "PT15S"));
  private final List<Row> rows = new ArrayList<>();
  private final StringBuilder checks = new StringBuilder();
  private String profile = "";
  private final Map<String, String> versions = new java.util.LinkedHashMap<>();
  private final List<KeycloakBench.Row> keycloakRows = new ArrayList<>();
  private final boolean withKeycloak =
      Boolean.parseBoolean(System.getProperty("bench.keycloak", "true"));
  private String keycloakFailure;

  record Row(
      String database, String call, int concurrency, WrkRun.Figures http, JdbcLimit.Result jdbc) {
    double ratio() {
      return jdbc == null || jdbc.perSecond() == 0
          ? Double.NaN
          : http.perSecond() / jdbc.perSecond();
    }
  }

  public static void main(String[] args) throws Exception {
    new TokenApiBenchmark().runAll();
  }

  void runAll() throws Exception {
    Files.createDirectories(OUT.resolve("raw"));
    versions.put("load average at start (1/5/15 min)", loadAverage());
    versions.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + (((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize()
                >> 30)
            + " GiB");
    versions.put("date", LocalDate.now().toString());
    List<String> databases =
        java.util.Arrays.stream(System.getProperty("bench.databases", "mariadb,h2").split(","))
            .filter(d -> !d.isBlank())
            .toList(); // empty: Keycloak alone
    for (String name : databases) {
      BenchDatabase database =
          name.equals("h2")
              ? BenchDatabase.h2(OUT.toAbsolutePath().resolve("h2").toString())
              : BenchDatabase.mariadb();
      if (name.equals("h2")) {
        deleteRecursively(OUT.resolve("h2"));
      }
      benchmark(name, database);
      if (name.equals("mariadb")) {
        keycloak(); // right after the product's MariaDB rows, with the product's server stopped
      }
    }
    if (!databases.contains("mariadb")) {
      keycloak();
    }
    versions.put("load average at end (1/5/15 min)", loadAverage());
    BenchmarkReport.write(
        Path.of("docs/benchmarks.md"),
        new BenchmarkReport.Figures(rows, keycloakRows, keycloakFailure),
        versions,
        checks.toString(),
        profile,
        warmUp,
        measured);
    System.out.println("Wrote docs/benchmarks.md and " + OUT.toAbsolutePath());
    if (keycloakFailure != null) {
      throw new IllegalStateException("The Keycloak rows failed: " + keycloakFailure);
    }
  }

  /**
   * Keycloak alone on the machine (issue 15). A failure is written into the report, with the rows
   * measured before it, and fails the run after the report.
   */
  private void keycloak() {
    if (!withKeycloak) {
      return;
    }
    KeycloakBench bench = new KeycloakBench(warmUp, measured, CONCURRENCY, OUT);
    try {
      bench.run(versions, checks);
    } catch (Exception e) {
      keycloakFailure = e.toString();
      checks.append("- Keycloak: **failed**: ").append(e.getMessage()).append('\n');
      e.printStackTrace();
    }
    keycloakRows.addAll(bench.rows());
  }

  private void benchmark(String name, BenchDatabase database) throws Exception {
    String base = "http://127.0.0.1:" + PORT + "/";
    List<String> accessTokens;
    String crmApiToken;
    List<Long> userIds = new ArrayList<>();
    try (PayaraProcess server =
        PayaraProcess.start(database, PORT, OUT.resolve("raw/payara-" + name + ".log"))) {
      ContractClient http = new ContractClient(URI.create(base));
      crmApiToken = http.crmApiToken();
      for (int i = 0; i < 50; i++) {
        long ctid = ThreadLocalRandom.current().nextLong(10_000_000L, 1L << 50);
        http.login(ctid, false); // registers the sandbox user
        userIds.add(database.userIdFor(ctid));
      }
      accessTokens = new ArrayList<>();
      for (String code : database.mintOneTimeTokens(userIds, 200, true)) {
        accessTokens.add(
            http.exchange(crmApiToken, code).expect(200).json().getString("accessToken"));
      }
      Path accessFile = writeLines(OUT.resolve("raw/access-tokens-" + name + ".txt"), accessTokens);
      recordVersions(name, database);

      for (int c : CONCURRENCY) {
        Map<String, String> env = Map.of("BENCH_CRM_API_TOKEN", crmApiToken);
        rows.add(
            new Row(
                name,
                "4.1 crmApiToken",
                c,
                wrk(base, "crm-api-token.lua", c, env, name + "-4.1-c" + c),
                null));

        // 4.2: every request its own fresh token; the warm-up tells how many the measured run needs
        Path warmTokens =
            writeLines(
                OUT.resolve("raw/ot-warm.txt"), database.mintOneTimeTokens(userIds, 30_000, false));
        WrkRun.Figures warm =
            WrkRun.run(
                base,
                "exchange.lua",
                c,
                warmUp,
                withTokens(env, warmTokens),
                OUT.resolve("raw/" + name + "-4.2-c" + c + "-warmup.txt"));
        int needed = (int) (warm.perSecond() * measured.toSeconds() * 1.6) + 2_000;
        Path tokens =
            writeLines(
                OUT.resolve("raw/ot-measured.txt"),
                database.mintOneTimeTokens(userIds, needed, false));
        WrkRun.Figures exchange =
            WrkRun.run(
                base,
                "exchange.lua",
                c,
                measured,
                withTokens(env, tokens),
                OUT.resolve("raw/" + name + "-4.2-c" + c + ".txt"));
        rows.add(new Row(name, "4.2 onetime/authorize", c, exchange, null));

        rows.add(
            new Row(
                name,
                "4.3 authorize",
                c,
                wrk(base, "authorize.lua", c, withTokens(env, accessFile), name + "-4.3-c" + c),
                null));
      }
      if (name.equals("mariadb")) {
        profile(server, database, userIds, base, crmApiToken);
      }
    }
    long twice = database.tokensExchangedTwice();
    checks.append(
        String.format(
            "- %s: OT tokens exchanged more than once, per the audit trail: **%d**%n",
            name, twice));
    if (twice != 0) {
      throw new IllegalStateException(twice + " OT tokens were accepted twice on " + name);
    }

    // the database's own limit, with the server stopped so it competes for nothing
    JdbcLimit limit = new JdbcLimit(database);
    List<Row> measuredRows =
        new ArrayList<>(rows.subList(rows.size() - 3 * CONCURRENCY.length, rows.size()));
    for (Row row : measuredRows) {
      int c = row.concurrency();
      JdbcLimit.Result jdbc =
          switch (row.call()) {
            case "4.1 crmApiToken" ->
                limit.run(limit.crmApiToken(), c, warmUp, measured, Integer.MAX_VALUE);
            case "4.3 authorize" ->
                limit.run(limit.authorize(accessTokens), c, warmUp, measured, Integer.MAX_VALUE);
            default -> {
              int needed =
                  (int)
                          (Math.max(row.http().perSecond(), 500)
                              * 4
                              * (warmUp.toSeconds() + measured.toSeconds()))
                      + 5_000;
              List<String> tokens = database.mintOneTimeTokens(userIds, needed, false);
              yield limit.run(limit.exchange(tokens), c, warmUp, measured, tokens.size());
            }
          };
      rows.set(rows.indexOf(row), new Row(row.database(), row.call(), c, row.http(), jdbc));
      System.out.printf(
          "%s %s c=%d: http %.0f/s, jdbc %.0f/s%n",
          name, row.call(), c, row.http().perSecond(), jdbc.perSecond());
    }
  }

  /**
   * An extra run of 4.2 at the highest concurrency under JFR, after every measured row: profiling
   * slows a loaded server several times over, and it must not touch the figures (nor the rows after
   * it).
   */
  private void profile(
      PayaraProcess server,
      BenchDatabase database,
      List<Long> userIds,
      String base,
      String crmApiToken)
      throws Exception {
    int c = CONCURRENCY[CONCURRENCY.length - 1];
    Path tokens =
        writeLines(
            OUT.resolve("raw/ot-profiled.txt"), database.mintOneTimeTokens(userIds, 40_000, false));
    server.startProfiling();
    Thread dumps = server.dumpThreadsDuring(measured, OUT.resolve("raw"));
    WrkRun.run(
        base,
        "exchange.lua",
        c,
        measured,
        withTokens(Map.of("BENCH_CRM_API_TOKEN", crmApiToken), tokens),
        OUT.resolve("raw/mariadb-4.2-c" + c + "-profiled.txt"));
    dumps.join();
    profile =
        ProfileSummary.summarise(server.stopProfiling(OUT.resolve("exchange-c" + c + ".jfr")));
  }

  private WrkRun.Figures wrk(
      String base, String script, int c, Map<String, String> env, String label)
      throws IOException, InterruptedException {
    return WrkRun.afterWarmUp(base, script, c, warmUp, measured, env, OUT.resolve("raw"), label);
  }

  static Map<String, String> withTokens(Map<String, String> env, Path tokens) {
    Map<String, String> copy = new java.util.HashMap<>(env);
    copy.put("BENCH_TOKENS", tokens.toAbsolutePath().toString());
    return copy;
  }

  static Path writeLines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, lines);
  }

  private void recordVersions(String name, BenchDatabase database) throws Exception {
    try (Connection c = database.connect()) {
      DatabaseMetaData meta = c.getMetaData();
      versions.put(
          name + " server", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
      versions.put(name + " driver", meta.getDriverName() + " " + meta.getDriverVersion());
    }
    versions.put(
        "Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    versions.put("Payara Micro", PayaraProcess.VERSION);
    versions.put(
        "wrk",
        new String(
                new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start()
                    .getInputStream()
                    .readAllBytes())
            .lines()
            .findFirst()
            .orElse("?"));
  }

  /** Other work on the machine skews every row; the report says how busy it was. */
  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " / " + fields[1] + " / " + fields[2];
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (var paths = Files.walk(folder)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Used by PayaraProcess to wait for readiness. */
  static boolean ready(int port) {
    try {
      HttpResponse<Void> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
