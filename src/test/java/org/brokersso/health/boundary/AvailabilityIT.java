package org.brokersso.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brokersso.BlackBoxServer;
import org.brokersso.ContractClient;
import org.brokersso.PayaraMicroStart;
import org.brokersso.ServerModeH2;
import org.brokersso.TcpProxy;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The product WAR on a Payara Micro of its own, whose database (H2 in server mode, in this JVM) is
 * reached through a {@link TcpProxy} the test cuts: what a starting server and a database outage
 * look like from outside (status, body, {@code Retry-After}, readiness) and in the log (one line
 * when the database goes away, one when it is back, no stack traces).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AvailabilityIT {

  private static final Path LOG = Path.of("target", "availability-server.log");
  private static final Duration STARTUP = Duration.ofSeconds(900);

  private static Server h2;
  private static TcpProxy proxy;
  private static Process payara;
  private static URI base;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Answers seen while the server started, by path and status. */
  private static final Map<String, Map<Integer, Integer>> STARTING = new TreeMap<>();

  private static final List<String> STARTING_FAULTS = new ArrayList<>();

  /** Answers 503 to 4.1 while the database was away at start-up. */
  private static final AtomicInteger awayAtStart = new AtomicInteger();

  private static long databaseBack;
  private static double servingAfterBack;

  /** 5xx answers while starting that came from the product: any but 503 with a body. */
  private static final List<String> STARTING_PRODUCT_FAULTS = new ArrayList<>();

  @BeforeAll
  static void startServerAndWatchItStart() throws Exception {
    h2 = ServerModeH2.start("availability");
    proxy = new TcpProxy(h2.getPort());
    int port = BlackBoxServer.freePort();
    base = URI.create("http://localhost:" + port + "/");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddb.url="
                    + ServerModeH2.url(proxy.port(), "outage-" + System.currentTimeMillis()),
                "-Ddb.user=sa",
                "-Ddb.password=sa"));
    command.addAll(PayaraMicroStart.arguments(Path.of("target", "broker-sso.war"), port));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile());
    builder.environment().remove("DB_URL"); // this server's database is the proxied H2
    // the database is away when the server starts, and comes back once the server answers
    proxy.cut();
    payara = builder.start();
    long started = System.nanoTime();
    while (true) {
      int api = record("4.1", () -> crmApiTokenCall());
      int ready = record("/health/ready", () -> get("health/ready"));
      if (api == 503 && awayAtStart.incrementAndGet() == 10) {
        proxy.restore();
        databaseBack = System.nanoTime();
      }
      if (api == 404) { // the port opens after the deployment: a 404 means it failed
        throw new IllegalStateException("the WAR is not deployed (4.1 answers 404); see " + LOG);
      }
      if (api == 200 && ready == 200) {
        servingAfterBack = (System.nanoTime() - databaseBack) / 1e9;
        break;
      }
      if (!payara.isAlive() || System.nanoTime() - started > STARTUP.toNanos()) {
        throw new IllegalStateException("the server did not start; see " + LOG);
      }
      Thread.sleep(50);
    }
    System.out.printf("Start-up, answers by status until both answered 200: %s%n", STARTING);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (payara != null) {
      payara.destroy();
      if (!payara.waitFor(30, TimeUnit.SECONDS)) {
        payara.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
    if (proxy != null) {
      proxy.close();
    }
    if (h2 != null) {
      h2.stop();
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "while the application starts, nothing the product answers is a fault: every 5xx is a 503"
          + " with the contract's body")
  void nothingTheProductAnswersWhileStartingIsAFault() {
    assertTrue(STARTING_PRODUCT_FAULTS.isEmpty(), String.join("\n", STARTING_PRODUCT_FAULTS));
  }

  @Test
  @Order(2)
  @DisplayName("while the application starts, nothing answers 500")
  void nothingAnswers500WhileStarting() {
    for (Map<Integer, Integer> statuses : STARTING.values()) {
      assertFalse(statuses.containsKey(500), STARTING.toString());
    }
  }

  @Test
  @Order(3)
  @DisplayName(
      "a database away at start-up: the WAR deploys, answers 503 with the contract's body and"
          + " readiness DOWN, says so in one log line, and serves once the database answers")
  void startsWhileTheDatabaseIsAway() throws IOException {
    assertTrue(awayAtStart.get() >= 10, STARTING.toString());
    assertTrue(STARTING.get("/health/ready").containsKey(503), STARTING.toString());
    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    assertEquals(1, count(log, "The database is away at start-up"), log);
    assertFalse(log.contains("Exception while preparing the app"), log);
    System.out.printf(
        "Database away at start-up: %d answers 503; serving %.2f s after it came back%n",
        awayAtStart.get(), servingAfterBack);
  }

  @Test
  @Order(4)
  @DisplayName(
      "database away: 503 with the contract's body and Retry-After, readiness DOWN without class"
          + " names, one log line each way and no stack trace; back: calls succeed again")
  void databaseOutage() throws Exception {
    String crmApiToken = new ContractClient(base).crmApiToken();
    long logOffset = Files.size(LOG);
    proxy.cut();
    int refused = 0;
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> issue = crmApiTokenCall();
      assertUnavailable(issue);
      refused++;
      HttpResponse<String> exchange =
          post(
              "oauth2/onetime/authorize?crmApiToken=" + crmApiToken,
              "{\"code\":\"ot_" + "A".repeat(43) + "\"}");
      assertUnavailable(exchange);
      refused++;
    }
    HttpResponse<String> readiness = get("health/ready");
    assertEquals(503, readiness.statusCode(), readiness.body());
    assertTrue(readiness.body().contains("DOWN"), readiness.body());
    for (String internal : List.of("Exception", "java.", "org.", "SQL", "jdbc")) {
      assertFalse(readiness.body().contains(internal), readiness.body());
    }

    proxy.restore();
    long restored = System.nanoTime();
    int status;
    do {
      HttpResponse<String> issue = crmApiTokenCall();
      status = issue.statusCode();
      if (status == 503) {
        refused++;
      }
    } while (status != 200 && System.nanoTime() - restored < TimeUnit.SECONDS.toNanos(120));
    double recovery = (System.nanoTime() - restored) / 1e9;
    assertEquals(200, status, "calls did not succeed again after the database came back");
    System.out.printf(
        "Database outage: %d calls refused with 503; calls succeed %.2f s after it is back%n",
        refused, recovery);

    String log = Files.readString(LOG, StandardCharsets.UTF_8).substring((int) logOffset);
    System.out.printf(
        "Log during the outage: %d lines, %d bytes%n", log.lines().count(), log.length());
    assertEquals(1, count(log, "Database unreachable"), log);
    assertEquals(1, count(log, "Database answers again"), log);
    Matcher back = Pattern.compile("(\\d+) requests were refused").matcher(log);
    assertTrue(back.find(), log);
    assertEquals(refused, Integer.parseInt(back.group(1)), log);
    assertFalse(log.contains("Unexpected failure"), log);
    // the server's pool reports each pooled connection the outage broke (a trace each, at most
    // the pool's size), when it is used again; the product writes no trace ("Unexpected failure"
    // is its only one) and nothing per refused request
    System.out.printf("Pool traces during the outage: %d (RAR5031)%n", count(log, "RAR5031"));
  }

  private static void assertUnavailable(HttpResponse<String> response) {
    assertEquals(503, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    assertNotNull(response.headers().firstValue("Retry-After").orElse(null), "Retry-After");
    assertTrue(response.body().contains("\"code\":\"SERVICE_UNAVAILABLE\""), response.body());
    assertTrue(response.body().contains("\"error\":\"Service Unavailable\""), response.body());
  }

  private static int count(String text, String line) {
    return text.split(Pattern.quote(line), -1).length - 1;
  }

  private static int record(String what, java.util.function.Supplier<HttpResponse<String>> call) {
    HttpResponse<String> response;
    try {
      response = call.get();
    } catch (UncheckedIOException droppedWhileStarting) {
      response = null;
    }
    if (response == null) { // not listening yet: counted as status 0, "refused"
      STARTING.computeIfAbsent(what, k -> new TreeMap<>()).merge(0, 1, Integer::sum);
      return 0;
    }
    STARTING
        .computeIfAbsent(what, k -> new TreeMap<>())
        .merge(response.statusCode(), 1, Integer::sum);
    boolean serversOwn = response.statusCode() == 500 && response.body().isEmpty();
    boolean contractsUnavailable =
        !what.equals("4.1") || response.body().contains("\"code\":\"SERVICE_UNAVAILABLE\"");
    if (response.statusCode() >= 500
        && !(response.statusCode() == 503 && contractsUnavailable)
        && !serversOwn) {
      STARTING_PRODUCT_FAULTS.add(what + " " + response.statusCode() + " " + response.body());
    }
    if (response.statusCode() >= 500 && STARTING_FAULTS.size() < 20) {
      STARTING_FAULTS.add(
          what
              + " "
              + response.statusCode()
              + " "
              + response.headers().map()
              + " "
              + response.body());
    }
    return response.statusCode();
  }

  private static HttpResponse<String> crmApiTokenCall() {
    return post("oauth2/crmApiToken", "{\"password\":\"" + ContractClient.SANDBOX_PASSWORD + "\"}");
  }

  private static HttpResponse<String> post(String path, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build());
  }

  /** The answer, or null while nothing listens on the port. */
  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException notListening) {
      return null;
    } catch (IOException e) {
      if (e.getCause() instanceof java.net.ConnectException) {
        return null;
      }
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
