package org.brokersso.ctrader;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.brokersso.ctrader.control.CallTimer;
import org.brokersso.ctrader.control.RestCtraderBackend;
import org.brokersso.ctrader.control.WebservSettings;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.Trader;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * cTrader's backend for the tests, the one stand-in: it speaks the wire format of calls 3.1–3.13
 * and of the in-app token redeem call (ctrader-backend-api.md: paths, methods, {@code ?token=},
 * JSON bodies, status codes, {@code {"error":{"errorCode","description"}}}), keeps cTrader's state
 * in memory (users by email, traders with their balance and credit scaled by {@code moneyDigits},
 * links, partner ids, ribbons, agreements, in-app tokens), journals every request (method, path,
 * raw query, headers, raw body, what it answered, whether it acted) and fails on demand, per call:
 * it refuses (any status and error code; its rate limit, with a {@code Retry-After}), withholds its
 * answer without acting, acts and withholds its answer, acts and fails with a 5xx (with or without
 * an error body), acts and drops the connection, or answers late.
 *
 * <p>The design, and why:
 *
 * <ul>
 *   <li><b>A plain JDK HTTP server</b> ({@code com.sun.net.httpserver}) <b>in the test JVM</b>, on
 *       a free port of 127.0.0.1. Unit tests point the REST client of the test classpath at it
 *       ({@link #start}, {@link #backend}); a test WAR points the product's REST client at it
 *       ({@link #URL_RESOURCE}, read by {@link #shared()} in the server; {@code StandInWiring}
 *       makes that client the product's backend). No dependency beyond the JDK, no server of its
 *       own.
 *   <li><b>Stateful rather than scripted</b>: what 3.2 created, 3.4 links and 3.11 finds; 3.5 moves
 *       a balance and refuses what it does not cover. A test states its failure, not cTrader's
 *       behaviour, and the scenario suite ({@code CtraderBackendContract}) runs against it as it
 *       runs against the sandbox. A scripted answer ({@link When#answer}) is there for the sample
 *       answers of the spec that a new account cannot produce.
 *   <li><b>A lost answer is a time-out</b>: the stand-in holds the connection open, without a word,
 *       longer than any client here waits ({@link #backend} sets PT2S). It does not close the
 *       connection instead: the JDK's HttpURLConnection, under Jersey's REST client, silently sends
 *       a request again when its connection closes without an answer ({@code
 *       sun.net.http.retryPost}, true by default, and always for PUT), so the client would never
 *       see the failure.
 *   <li><b>One API in both JVMs</b>: tests running in the server get a handle from {@link
 *       #shared()} with the same methods, which it sends to the control paths under {@code
 *       /stand-in/}; the journal, rules and state travel as JSON. The handle and the server are the
 *       same class, so no call can exist in one and be missing in the other.
 * </ul>
 *
 * Calls are named as in the spec: {@code "3.1"} … {@code "3.13"}, and {@code "redeem"}.
 */
public final class CtraderStandIn implements AutoCloseable {

  /** The spec's sample manager (call 3.1) and broker identifiers (§1.3). */
  public static final long MANAGER_LOGIN = 30417;

  public static final String MANAGER_PASSWORD = "ManagerPass#1";
  public static final String MANAGER_PASSWORD_MD5 = "4964e691fb934fe9174a9b9397b53c66";

  /** The first manager token it hands out (the spec's example); later ones are random. */
  public static final String TOKEN = "2824e7b5-97a1-4f1b-b7b7-89cd33020f5e";

  public static final String CRM = "ACMECRM";
  public static final String BROKER = "ACMEFX";

  /** The resource by which a test WAR names the stand-in of the test JVM that built it. */
  public static final String URL_RESOURCE = "ctrader-stand-in.url";

  /** How long a withheld answer keeps the connection open: longer than any client here waits. */
  private static final Duration WITHHELD = Duration.ofSeconds(30);

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static CtraderStandIn shared;

  private final URI url;
  private final Backend ctrader; // null in a handle
  private final HttpServer http; // null in a handle
  private final ExecutorService threads; // null in a handle
  private final HttpClient control; // null in the stand-in itself

  private CtraderStandIn(Backend ctrader) {
    this.ctrader = ctrader;
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "ctrader-stand-in");
              thread.setDaemon(true);
              return thread;
            });
    try {
      this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen", e);
    }
    http.setExecutor(threads);
    http.createContext("/", this::exchange);
    http.start();
    this.url = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    this.control = null;
  }

  private CtraderStandIn(URI url) {
    this.url = url;
    this.ctrader = null;
    this.http = null;
    this.threads = null;
    this.control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A fresh stand-in, numbering like the spec's examples: user 20481377, trader 3105542, … */
  public static CtraderStandIn start() {
    return new CtraderStandIn(new Backend(0));
  }

  /**
   * The stand-in of this test run: in the test JVM, one started on first use (its ids start at
   * random, so they never meet those of earlier runs in the same database); inside a test WAR that
   * carries {@link #URL_RESOURCE}, a handle on the test JVM's.
   */
  public static synchronized CtraderStandIn shared() {
    if (shared == null) {
      URL named = CtraderStandIn.class.getClassLoader().getResource(URL_RESOURCE);
      if (named == null) {
        shared =
            new CtraderStandIn(
                new Backend(ThreadLocalRandom.current().nextLong(1L << 20, 1L << 30)));
      } else {
        try (InputStream in = named.openStream()) {
          shared = new CtraderStandIn(URI.create(new String(in.readAllBytes(), UTF_8).strip()));
        } catch (IOException e) {
          throw new IllegalStateException("cannot read " + URL_RESOURCE, e);
        }
      }
    }
    return shared;
  }

  /** Where it listens, without a trailing slash: what {@code ctrader.url} is set to. */
  public URI url() {
    return url;
  }

  /** The product's REST client against it, with the registered defaults and a PT2S time-out. */
  public RestCtraderBackend backend() {
    return backend(Map.of());
  }

  /** The same, with some settings ({@code ctrader.*} keys) overridden. */
  public RestCtraderBackend backend(Map<String, String> overrides) {
    return backend(overrides, CallTimer.NONE);
  }

  /** The same, telling {@code timer} of every call once it is over (the product's metrics). */
  public RestCtraderBackend backend(Map<String, String> overrides, CallTimer timer) {
    Map<String, String> settings =
        new HashMap<>(
            Map.of(
                "ctrader.url",
                url.toString(),
                "ctrader.manager.login",
                Long.toString(MANAGER_LOGIN),
                "ctrader.manager.password",
                MANAGER_PASSWORD,
                "ctrader.broker-crm-name",
                CRM,
                "ctrader.broker-name",
                BROKER,
                "ctrader.timeout",
                "PT2S"));
    settings.putAll(overrides);
    Config config = ConfigProvider.getConfig();
    return new RestCtraderBackend(
        WebservSettings.from(
            key ->
                Optional.ofNullable(settings.get(key))
                    .or(() -> config.getOptionalValue(key, String.class))),
        timer);
  }

  /** Fails the next request of the call (that matches), then behaves again. */
  public When next(String call) {
    return new When(call, true);
  }

  /** Fails every request of the call (that matches) until {@link #reset}. */
  public When every(String call) {
    return new When(call, false);
  }

  /** Forgets the failures to come and the journal; cTrader's state stays. */
  public void reset() {
    control("POST", "reset", "");
  }

  /** Forgets the failures to come (a rate limit's window is over, say); the journal stays. */
  public void forgetFailures() {
    control("POST", "rules/clear", "");
  }

  /** Every request received since the last {@link #reset}, oldest first. */
  public List<Request> journal() {
    return List.of(JSONB.fromJson(control("GET", "journal", ""), Request[].class));
  }

  /** The requests of one call. */
  public List<Request> journal(String call) {
    return journal().stream().filter(request -> request.call().equals(call)).toList();
  }

  /** The trader as cTrader holds it now (balance, credit), in the shape of 3.3's answer. */
  public Optional<Trader> trader(long login) {
    String trader = control("GET", "traders/" + login, "");
    return trader.isEmpty() ? Optional.empty() : Optional.of(JSONB.fromJson(trader, Trader.class));
  }

  /** The ribbons the user's last 3.9 left in cTrader. */
  public List<Ribbon> ribbons(long userId) {
    return List.of(JSONB.fromJson(control("GET", "ribbons/" + userId, ""), Ribbon[].class));
  }

  /** The manager token 3.1 currently hands out; null before the first 3.1. */
  public String token() {
    String token = control("GET", "token", "");
    return token.isEmpty() ? null : token;
  }

  /** cTrader forgets the manager token: calls that carry it are refused with 401. */
  public void expireToken() {
    control("POST", "token/expire", "");
  }

  /** cTrader mints a one-time in-app token that the redeem call answers once. */
  public String inAppToken(long userId, String email, long tradingLogin) {
    return control(
        "POST",
        "inapp-tokens",
        Json.createObjectBuilder()
            .add("userId", userId)
            .add("email", email)
            .add("tradingLogin", tradingLogin)
            .build()
            .toString());
  }

  /** Stops a stand-in from {@link #start}; a handle has nothing to stop. */
  @Override
  public void close() {
    if (http != null) {
      http.stop(0);
      threads.shutdownNow();
    }
  }

  /** cTrader's error body (spec §5.1). */
  private static String errorBody(String code, String description) {
    return Json.createObjectBuilder()
        .add(
            "error",
            Json.createObjectBuilder().add("errorCode", code).add("description", description))
        .build()
        .toString();
  }

  /** How the next (or every) request of a call fails. */
  public final class When {

    private final String call;
    private final boolean once;
    private String matching = "";

    private When(String call, boolean once) {
      this.call = call;
      this.once = once;
    }

    /** Only requests whose raw body or query contains the text. */
    public When matching(String text) {
      matching = text;
      return this;
    }

    /** Refused with HTTP 400 and the code, without acting. */
    public void refuse(String errorCode) {
      refuse(400, errorCode);
    }

    /** Refused with the status and the code (none: no body), without acting. */
    public void refuse(int status, String errorCode) {
      answer(status, errorCode == null ? "" : errorBody(errorCode, "refused by the test"));
    }

    /** Answered so, without acting: a scripted answer. */
    public void answer(int status, String body) {
      add(Outcome.ANSWER, status, body, Duration.ZERO);
    }

    /** Not carried out, and no answer until the client gives up (its time-out). */
    public void withholdAnswer() {
      add(Outcome.WITHHOLD, 0, "", Duration.ZERO);
    }

    /** Carried out, and no answer until the client gives up (its time-out). */
    public void loseAnswer() {
      add(Outcome.LOSE_ANSWER, 0, "", Duration.ZERO);
    }

    /** Carried out, then answered with the status and no error code (a gateway's 502, say). */
    public void failAfterActing(int status) {
      add(Outcome.FAIL_AFTER_ACTING, status, "", Duration.ZERO);
    }

    /**
     * Carried out, then answered with the status and cTrader's error body with the code (a backend
     * that opened the trader and then answered {@code 500 UNKNOWN_ERROR}).
     */
    public void failAfterActing(int status, String errorCode) {
      add(
          Outcome.FAIL_AFTER_ACTING,
          status,
          errorBody(errorCode, "failed after acting, by the test"),
          Duration.ZERO);
    }

    /**
     * Refused for cTrader's rate limit (spec §1.5: 400 {@code REQUEST_FREQUENCY_EXCEEDED}), without
     * acting, with a {@code Retry-After} header of the window's whole seconds (cTrader documents
     * none; a gateway may send one).
     */
    public void rateLimit(Duration retryAfter) {
      add(
          Outcome.ANSWER,
          400,
          errorBody("REQUEST_FREQUENCY_EXCEEDED", "rate limit, by the test"),
          retryAfter);
    }

    /**
     * Carried out, then the connection is closed without an answer. The JDK's HttpURLConnection
     * then sends the request again, once ({@code sun.net.http.retryPost}, true by default).
     */
    public void dropConnectionAfterActing() {
      add(Outcome.DROP_AFTER_ACTING, 0, "", Duration.ZERO);
    }

    /** Carried out and answered as usual, after the delay. */
    public void delay(Duration delay) {
      add(Outcome.DELAY, 0, "", delay);
    }

    private void add(Outcome outcome, int status, String body, Duration delay) {
      control(
          "POST",
          "rules",
          JSONB.toJson(new Rule(call, once, matching, outcome, status, body, delay.toMillis())));
    }
  }

  /** What a rule does to a request. */
  public enum Outcome {
    ANSWER,
    WITHHOLD,
    LOSE_ANSWER,
    DROP_AFTER_ACTING,
    FAIL_AFTER_ACTING,
    DELAY
  }

  /** A failure to come (public for JSON-B only). */
  public record Rule(
      String call,
      boolean once,
      String matching,
      Outcome outcome,
      int status,
      String body,
      long millis) {}

  /**
   * One request as the stand-in received it, journaled on arrival: {@code status} is what the
   * client got (0: no answer, or not yet), {@code answer} what the stand-in had to say (also when
   * it withheld it), {@code acted} whether it changed cTrader's state. {@code headers} holds
   * Content-Type and Accept, lower-cased keys.
   */
  public record Request(
      long seq,
      String call,
      String method,
      String path,
      String query,
      Map<String, List<String>> params,
      Map<String, String> headers,
      String body,
      int status,
      boolean acted,
      String answer) {

    /** The first value of the query parameter, or null. */
    public String param(String name) {
      List<String> values = params.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as JSON ({} when empty). */
    public JsonObject json() {
      return parse(body);
    }

    /** The answer as JSON ({} when empty). */
    public JsonObject answerJson() {
      return parse(answer);
    }

    /** Whether the raw body or query contains the text. */
    public boolean mentions(String text) {
      return body.contains(text) || query.contains(text);
    }
  }

  private String control(String method, String path, String body) {
    if (ctrader != null) {
      return ctrader.control(method, path, body);
    }
    try {
      HttpResponse<String> response =
          control.send(
              HttpRequest.newBuilder(url.resolve("/stand-in/" + path))
                  .timeout(Duration.ofSeconds(30))
                  .method(method, HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + ": " + response.statusCode() + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("the stand-in at " + url + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      if (uri.getPath().startsWith("/stand-in/")) {
        send(exchange, 200, ctrader.control(method, uri.getPath().substring(10), body));
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header : List.of("Content-Type", "Accept")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          headers.put(header.toLowerCase(Locale.ROOT), value);
        }
      }
      String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      Reply reply = ctrader.serve(method, uri.getRawPath(), query, headers, body);
      if (reply.status() == WITHHELD_ANSWER) {
        pause(WITHHELD); // then the connection closes without a word
      } else if (reply.status() != DROPPED) {
        if (reply.retryAfter() > 0) {
          exchange.getResponseHeaders().set("Retry-After", Long.toString(reply.retryAfter()));
        }
        send(exchange, reply.status(), reply.body());
      }
    } catch (RuntimeException e) {
      send(exchange, 500, e.toString());
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    if (bytes.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static JsonObject parse(String json) {
    if (json == null || json.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    return Json.createReader(new StringReader(json)).readObject();
  }

  /**
   * An answer; {@link #WITHHELD_ANSWER} or {@link #DROPPED} instead of a status: none. {@code
   * retryAfter}: the seconds of a {@code Retry-After} header, 0 for none.
   */
  private record Reply(int status, String body, boolean acted, long retryAfter) {

    Reply(int status, String body, boolean acted) {
      this(status, body, acted, 0);
    }
  }

  private static final int WITHHELD_ANSWER = 0;
  private static final int DROPPED = -1;

  /** cTrader refusing a call with an error code (400). */
  private static final class Refused extends RuntimeException {
    private final String code;

    Refused(String code, String description) {
      super(description, null, false, false);
      this.code = code;
    }
  }

  /** cTrader's state, its rules for the calls, the journal and the failures to come. */
  private static final class Backend {

    private long userIds = 20_481_377L;
    private long logins = 3_105_542L;
    private long accountIds = 47_710_293L;
    private long historyIds = 90_012_457L;
    private long seq;
    private String token;
    private int tokensIssued;

    private final Map<Long, String> emails = new HashMap<>();
    private final Map<Long, Account> traders = new HashMap<>();
    private final Map<Long, long[]> links = new HashMap<>(); // ctidTraderAccountId -> {user, login}
    private final Map<String, String> partners = new HashMap<>(); // "user/account|-" -> partnerId
    private final Map<Long, JsonArray> ribbons = new HashMap<>();
    private final Map<Long, Boolean> agreements = new HashMap<>();
    private final Map<String, JsonObject> inAppTokens = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Request> journal = new ArrayList<>();

    Backend(long offset) {
      userIds += offset * 1000;
      logins += offset * 1000;
      accountIds += offset * 1000;
      historyIds += offset * 1000;
    }

    Reply serve(
        String method, String path, String query, Map<String, String> headers, String body) {
      String call = callOf(method, path);
      Request arrival =
          journal(
              new Request(
                  0, call, method, path, query, params(query), headers, body, 0, false, ""));
      Rule rule = take(call, body, query);
      Outcome outcome = rule == null ? null : rule.outcome();
      if (outcome == Outcome.DELAY) {
        pause(Duration.ofMillis(rule.millis()));
      }
      Reply reply;
      String answer;
      if (outcome == Outcome.ANSWER) {
        reply = new Reply(rule.status(), rule.body(), false, rule.millis() / 1000);
        answer = reply.body();
      } else if (outcome == Outcome.WITHHOLD) {
        reply = new Reply(WITHHELD_ANSWER, "", false);
        answer = "";
      } else {
        Reply acted = act(call, method, path, query, body);
        answer = acted.body();
        reply =
            outcome == Outcome.LOSE_ANSWER
                ? new Reply(WITHHELD_ANSWER, "", acted.acted())
                : outcome == Outcome.DROP_AFTER_ACTING
                    ? new Reply(DROPPED, "", acted.acted())
                    : outcome == Outcome.FAIL_AFTER_ACTING
                        ? new Reply(rule.status(), rule.body(), acted.acted())
                        : acted;
      }
      Request done =
          new Request(
              arrival.seq(),
              call,
              method,
              path,
              query,
              arrival.params(),
              headers,
              body,
              Math.max(reply.status(), 0),
              reply.acted(),
              answer);
      synchronized (this) {
        journal.replaceAll(request -> request.seq() == done.seq() ? done : request);
      }
      return reply;
    }

    /** Journals a request on arrival, numbered. */
    private synchronized Request journal(Request arrival) {
      Request numbered =
          new Request(
              ++seq,
              arrival.call(),
              arrival.method(),
              arrival.path(),
              arrival.query(),
              arrival.params(),
              arrival.headers(),
              arrival.body(),
              0,
              false,
              "");
      journal.add(numbered);
      return numbered;
    }

    synchronized String control(String method, String path, String body) {
      switch (method + " " + path) {
        case "POST rules" -> rules.add(JSONB.fromJson(body, Rule.class));
        case "POST rules/clear" -> rules.clear();
        case "POST reset" -> {
          rules.clear();
          journal.clear();
        }
        case "GET journal" -> {
          return JSONB.toJson(journal);
        }
        case "GET token" -> {
          return token == null ? "" : token;
        }
        case "POST token/expire" -> token = null;
        case "POST inapp-tokens" -> {
          String minted = UUID.randomUUID().toString();
          inAppTokens.put(minted, parse(body));
          return minted;
        }
        default -> {
          String[] segments = path.split("/");
          if (method.equals("GET") && segments.length == 2 && segments[0].equals("traders")) {
            Account trader = traders.get(Long.parseLong(segments[1]));
            return trader == null ? "" : trader.json(Long.parseLong(segments[1])).toString();
          }
          if (method.equals("GET") && segments.length == 2 && segments[0].equals("ribbons")) {
            return ribbons
                .getOrDefault(Long.parseLong(segments[1]), JsonValue.EMPTY_JSON_ARRAY)
                .toString();
          }
          throw new IllegalArgumentException("no control path " + method + " " + path);
        }
      }
      return "";
    }

    private synchronized Rule take(String call, String body, String query) {
      for (Rule rule : rules) {
        if (rule.call().equals(call)
            && (body.contains(rule.matching()) || query.contains(rule.matching()))) {
          if (rule.once()) {
            rules.remove(rule);
          }
          return rule;
        }
      }
      return null;
    }

    private static String callOf(String method, String path) {
      return switch (path) {
        case "/v2/webserv/managers/token" -> "3.1";
        case "/cid/oauth2/ctid/create" -> "3.2";
        case "/v2/webserv/traders" -> "3.3";
        case "/cid/ctid/link" -> "3.4";
        case "/cid/oauth2/ctid/referral" ->
            switch (method) {
              case "PUT" -> "3.6";
              case "GET" -> "3.7";
              case "DELETE" -> "3.8";
              default -> "?";
            };
        case "/cid/oauth2/ctid/inAppControls" -> "3.9";
        case "/cid/oauth2/ctid/changeEmail" -> "3.10";
        case "/cid/oauth2/ctid/userIdByEmail" -> "3.11";
        case "/cid/oauth2/ctid/logout" -> "3.12";
        case "/cid/oauth2/ctid/acceptAgreement" -> "3.13";
        case "/cid/ctid2/inAppToken/redeem" -> "redeem";
        default -> path.matches("/v2/webserv/traders/\\d+/changebalance") ? "3.5" : "?";
      };
    }

    /** The methods each call accepts; 3.10 and 3.12 are configurable in the product. */
    private static Set<String> methodsOf(String call) {
      return switch (call) {
        case "3.6", "3.9", "3.13" -> Set.of("PUT");
        case "3.7", "3.11" -> Set.of("GET");
        case "3.8" -> Set.of("DELETE");
        case "3.10" -> Set.of("PUT", "POST");
        case "3.12" -> Set.of("GET", "POST", "PUT", "DELETE");
        default -> Set.of("POST");
      };
    }

    private synchronized Reply act(
        String call, String method, String path, String query, String body) {
      if (call.equals("?")) {
        return new Reply(404, "", false);
      }
      if (!methodsOf(call).contains(method)) {
        return new Reply(405, "", false);
      }
      Map<String, List<String>> q = params(query);
      if (!call.equals("3.1") && (token == null || !token.equals(first(q, "token")))) {
        return new Reply(401, "", false); // the manager token is unknown (spec §1.2)
      }
      try {
        JsonObject request = parse(body);
        Reply reply =
            switch (call) {
              case "3.1" -> managerToken(request);
              case "3.2" -> createUser(request);
              case "3.3" -> createTrader(request);
              case "3.4" -> link(request);
              case "3.5" -> changeBalance(Long.parseLong(path.split("/")[4]), request);
              case "3.6" -> setPartner(request);
              case "3.7" -> partner(q);
              case "3.8" -> removePartner(q);
              case "3.9" -> showRibbons(request);
              case "3.10" -> changeEmail(request);
              case "3.11" -> userIdByEmail(q);
              case "3.12" -> logOut(q);
              case "3.13" -> acceptAgreement(q);
              default -> redeem(request);
            };
        boolean write = !method.equals("GET") && !call.equals("3.1");
        return new Reply(reply.status(), reply.body(), write && reply.status() < 300);
      } catch (Refused refused) {
        return new Reply(400, errorBody(refused.code, refused.getMessage()), false);
      } catch (JsonParsingException | ClassCastException | NumberFormatException e) {
        return new Reply(400, errorBody("INVALID_REQUEST", e.getMessage()), false);
      }
    }

    private Reply managerToken(JsonObject request) {
      if (number(request, "login") != MANAGER_LOGIN
          || !MANAGER_PASSWORD_MD5.equals(text(request, "hashedPassword"))) {
        throw new Refused("WRONG_PASSWORD", "Unknown manager or wrong password");
      }
      if (token == null) {
        token = tokensIssued++ == 0 ? TOKEN : UUID.randomUUID().toString();
      }
      return json(200, Json.createObjectBuilder().add("webservToken", token));
    }

    private Reply createUser(JsonObject request) {
      crm(text(request, "brokerCrmName"));
      String email = text(request, "email");
      if (email == null || !email.contains("@")) {
        throw new Refused("INVALID_REQUEST", "email is required");
      }
      if (email.toLowerCase(Locale.ROOT).endsWith("@privaterelay.appleid.com")) {
        throw new Refused("INVALID_REQUEST", "Apple relay addresses are not supported");
      }
      if (userOf(email) != null) {
        throw new Refused("CH_EMAIL_ALREADY_EXISTS", "A cTrader user with this email exists");
      }
      long userId = userIds++;
      emails.put(userId, email);
      return json(201, Json.createObjectBuilder().add("userId", userId));
    }

    private Reply acceptAgreement(Map<String, List<String>> query) {
      crm(first(query, "brokerCrmName"));
      agreements.put(user(Long.parseLong(first(query, "userId"))), true);
      return new Reply(200, "", true);
    }

    private Reply createTrader(JsonObject request) {
      String broker = text(request, "brokerName");
      if (!BROKER.equals(broker)) {
        throw new Refused("CH_PLANT_INVALID", "No broker " + broker + " on this plant");
      }
      String currency = text(request, "depositCurrency");
      if (currency == null
          || text(request, "hashedPassword") == null
          || !(request.get("leverageInCents") instanceof JsonNumber)) {
        throw new Refused(
            "INVALID_REQUEST", "depositCurrency, hashedPassword and leverageInCents are required");
      }
      String group = text(request, "groupName");
      if (group == null || group.isBlank()) {
        throw new Refused("TRADER_GROUP_NOT_FOUND", "groupName is required");
      }
      long login = logins++;
      Account trader = new Account(request, moneyDigits(currency), System.currentTimeMillis());
      traders.put(login, trader);
      return json(201, Json.createObjectBuilder(trader.json(login)));
    }

    private Reply link(JsonObject request) {
      long login = number(request, "traderLogin");
      Account trader = traders.get(login);
      if (trader == null) {
        throw new Refused("TRADER_NOT_FOUND", "No trader " + login);
      }
      long userId = user(number(request, "userId"));
      if (!BROKER.equals(text(request, "brokerName"))) {
        throw new Refused("CH_PLANT_INVALID", "No broker " + text(request, "brokerName"));
      }
      if (!trader.passwordHash.equals(text(request, "traderPasswordHash"))) {
        throw new Refused("WRONG_PASSWORD", "traderPasswordHash does not match");
      }
      if (links.values().stream().anyMatch(link -> link[1] == login)) {
        throw new Refused("CH_TRADER_ALREADY_LINKED", "The trader is already linked");
      }
      long account = accountIds++;
      links.put(account, new long[] {userId, login});
      return request.getBoolean("returnAccountDetails", false)
          ? json(200, Json.createObjectBuilder().add("ctidTraderAccountId", account))
          : new Reply(200, "", true);
    }

    private Reply changeBalance(long login, JsonObject request) {
      Account trader = traders.get(login);
      if (trader == null) {
        throw new Refused("TRADER_NOT_FOUND", "No trader " + login);
      }
      if (number(request, "login") != login) {
        throw new Refused("INVALID_REQUEST", "login differs from the path");
      }
      BigDecimal amount =
          request.get("preciseAmount") instanceof JsonNumber n ? n.bigDecimalValue() : null;
      if (amount == null
          || amount.signum() <= 0
          || amount.stripTrailingZeros().scale() > trader.moneyDigits) {
        throw new Refused("CHANGE_BALANCE_BAD_AMOUNT", "preciseAmount must be positive");
      }
      BalanceChangeType type;
      try {
        type = BalanceChangeType.valueOf(String.valueOf(text(request, "type")));
      } catch (IllegalArgumentException e) {
        throw new Refused("INVALID_REQUEST", "Unknown type " + text(request, "type"));
      }
      long scaled =
          amount
              .movePointRight(trader.moneyDigits)
              .setScale(0, RoundingMode.UNNECESSARY)
              .longValue();
      if (type.isOutgoing() && (type.isCredit() ? trader.credit : trader.balance) < scaled) {
        throw new Refused("NOT_ENOUGH_MONEY", "Not enough money");
      }
      long signed = type.isOutgoing() ? -scaled : scaled;
      if (type.isCredit()) {
        trader.credit += signed;
      } else {
        trader.balance += signed;
      }
      trader.updated = System.currentTimeMillis();
      return json(200, Json.createObjectBuilder().add("balanceHistoryId", historyIds++));
    }

    private Reply setPartner(JsonObject request) {
      crm(text(request, "brokerCrmName"));
      String partnerId = text(request, "partnerId");
      if (partnerId == null || partnerId.isBlank()) {
        throw new Refused("INVALID_REQUEST", "partnerId is required");
      }
      Long userId = request.containsKey("userId") ? number(request, "userId") : null;
      Long account =
          request.containsKey("ctidTraderAccountId")
              ? number(request, "ctidTraderAccountId")
              : null;
      partners.put(partnerKey(userId, account), partnerId);
      return new Reply(200, "", true);
    }

    private Reply partner(Map<String, List<String>> query) {
      crm(first(query, "brokerCrmName"));
      Long account = optional(query, "ctidTraderAccountId");
      String key = partnerKey(optional(query, "userId"), account);
      String partnerId = partners.get(key);
      if (partnerId == null) {
        return new Reply(200, "", false);
      }
      JsonObjectBuilder referral =
          Json.createObjectBuilder().add("userId", Long.parseLong(key.split("/")[0]));
      if (account != null) {
        referral.add("ctidTraderAccountId", account);
      }
      return json(200, referral.add("partnerId", partnerId));
    }

    private Reply removePartner(Map<String, List<String>> query) {
      crm(first(query, "brokerCrmName"));
      Long userId = optional(query, "userId");
      if (userId == null) {
        throw new Refused("INVALID_REQUEST", "userId is required");
      }
      partners.remove(partnerKey(userId, optional(query, "ctidTraderAccountId")));
      return new Reply(200, "", true);
    }

    /** "user/account", or "user/-" for a partner on the user itself. */
    private String partnerKey(Long userId, Long account) {
      if (account == null) {
        if (userId == null) {
          throw new Refused("INVALID_REQUEST", "userId or ctidTraderAccountId is required");
        }
        return user(userId) + "/-";
      }
      long[] link = links.get(account);
      if (link == null || (userId != null && link[0] != userId)) {
        throw new Refused("TRADER_NOT_FOUND", "No account " + account + " of user " + userId);
      }
      return link[0] + "/" + account;
    }

    private Reply showRibbons(JsonObject request) {
      crm(text(request, "brokerCrmName"));
      long userId = user(number(request, "userId"));
      if (!(request.get("rules") instanceof JsonObject rules)) {
        throw new Refused("INVALID_REQUEST", "rules is required");
      }
      JsonArray shown =
          rules.containsKey("ribbons") ? rules.getJsonArray("ribbons") : JsonValue.EMPTY_JSON_ARRAY;
      for (JsonObject ribbon : shown.getValuesAs(JsonObject.class)) {
        JsonObject action = ribbon.getJsonObject("action");
        if (action == null || action.containsKey("urlExternal") == action.containsKey("urlinApp")) {
          throw new Refused(
              "INVALID_REQUEST", "a ribbon's action needs exactly one of urlExternal and urlinApp");
        }
      }
      ribbons.put(userId, shown);
      return new Reply(201, "", true);
    }

    private Reply changeEmail(JsonObject request) {
      crm(text(request, "brokerCrmName"));
      long userId = user(number(request, "userId"));
      String email = text(request, "newEmail");
      if (email == null || !email.contains("@")) {
        throw new Refused("INVALID_REQUEST", "newEmail is required");
      }
      Long holder = userOf(email);
      if (holder != null && holder != userId) {
        throw new Refused("CH_EMAIL_ALREADY_EXISTS", "A cTrader user with this email exists");
      }
      emails.put(userId, email);
      return new Reply(204, "", true);
    }

    private Reply userIdByEmail(Map<String, List<String>> query) {
      crm(first(query, "brokerCrmName"));
      Long userId = userOf(String.valueOf(first(query, "email")));
      return userId == null
          ? new Reply(200, "", false) // no such user: an empty body (spec, call 3.11)
          : json(200, Json.createObjectBuilder().add("userId", userId));
    }

    private Reply logOut(Map<String, List<String>> query) {
      crm(first(query, "brokerCrmName"));
      user(Long.parseLong(String.valueOf(first(query, "userId"))));
      return new Reply(204, "", true);
    }

    private Reply redeem(JsonObject request) {
      JsonObject redeemed = inAppTokens.remove(text(request, "token"));
      return redeemed == null
          ? new Reply(404, "", false) // not found, expired or already used (spec §3)
          : json(200, Json.createObjectBuilder(redeemed));
    }

    private void crm(String brokerCrmName) {
      if (!CRM.equals(brokerCrmName)) {
        throw new Refused("CH_BROKER_NOT_FOUND", "Unknown brokerCrmName " + brokerCrmName);
      }
    }

    private long user(long userId) {
      if (!emails.containsKey(userId)) {
        throw new Refused("CH_USER_NOT_FOUND", "No cTrader user " + userId);
      }
      return userId;
    }

    private Long userOf(String email) {
      return emails.entrySet().stream()
          .filter(user -> user.getValue().equalsIgnoreCase(email))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElse(null);
    }

    private static Reply json(int status, JsonObjectBuilder body) {
      return new Reply(status, body.build().toString(), true);
    }

    private static int moneyDigits(String currency) {
      return switch (currency.toUpperCase(Locale.ROOT)) {
        case "JPY", "KRW", "HUF", "CLP", "ISK", "VND" -> 0;
        case "BTC", "ETH", "USDT", "LTC" -> 8;
        default -> 2;
      };
    }

    private static String text(JsonObject object, String key) {
      return object.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static long number(JsonObject object, String key) {
      if (object.get(key) instanceof JsonNumber number) {
        return number.longValueExact();
      }
      throw new Refused("INVALID_REQUEST", key + " is required");
    }

    private static String first(Map<String, List<String>> query, String key) {
      List<String> values = query.get(key);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Long optional(Map<String, List<String>> query, String key) {
      String value = first(query, key);
      return value == null ? null : Long.parseLong(value);
    }

    private static Map<String, List<String>> params(String query) {
      Map<String, List<String>> params = new LinkedHashMap<>();
      for (String pair : query.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
          String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
          params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
      }
      return params;
    }
  }

  /** A trader: what 3.3 was sent, and the money since, in units of 10^-moneyDigits. */
  private static final class Account {

    private final JsonObject request;
    private final String passwordHash;
    private final int moneyDigits;
    private final long registered;
    private long balance;
    private long credit;
    private long updated;

    Account(JsonObject request, int moneyDigits, long now) {
      this.request = request;
      this.passwordHash = request.getString("hashedPassword");
      this.moneyDigits = moneyDigits;
      this.balance =
          request.get("balance") instanceof JsonNumber initial ? initial.longValueExact() : 0;
      this.registered = now;
      this.updated = now;
    }

    /** The trader as 3.3 answers it: the request echoed, without the password hash (spec §2). */
    JsonObject json(long login) {
      return Json.createObjectBuilder(request)
          .remove("hashedPassword")
          .add("login", login)
          .add("moneyDigits", moneyDigits)
          .add("balance", balance)
          .add("bonus", 0)
          .add("nonWithdrawableBonus", credit)
          .add("equity", balance + credit)
          .add("usedMargin", 0)
          .add("freeMargin", balance + credit)
          .add("cashEquity", balance)
          .add("registrationTimestamp", registered)
          .add("lastUpdateTimestamp", updated)
          .build();
    }
  }
}
