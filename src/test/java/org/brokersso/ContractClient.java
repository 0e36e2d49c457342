package org.brokersso;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Plays cTrader's backend in the tests: real HTTP over a real socket to the deployed WAR. The
 * black-box tests name their server ({@link BlackBoxServer#base()}); without a base URL the client
 * talks to the Arquillian server of the in-container tests, on {@code it.http.port}.
 */
public final class ContractClient {

  public static final String SANDBOX_PASSWORD = "sandbox-crm-api-password";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  /** The Arquillian server (tests deployed with {@code testable = false}). */
  public ContractClient() {
    this(URI.create("http://localhost:" + System.getProperty("it.http.port", "18080") + "/"));
  }

  public ContractClient(URI base) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
  }

  /** The deployed WAR's base URL, ending in "/". */
  public URI base() {
    return base;
  }

  /** A POST with a JSON body (or none) and query parameters, as cTrader sends them. */
  public Reply post(String path, String jsonBody, Map<String, String> query) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path + queryString(query)))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (jsonBody == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    return send(request.build());
  }

  public Reply post(String path, String jsonBody) {
    return post(path, jsonBody, Map.of());
  }

  public Reply get(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build());
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- the contract's calls, as cTrader makes them ----

  public String crmApiToken() {
    Reply reply = post("oauth2/crmApiToken", "{\"password\":\"" + SANDBOX_PASSWORD + "\"}");
    String wait = reply.status() == 403 ? reply.header("Retry-After") : "";
    if (!wait.isBlank()) {
      // an earlier test's wrong passwords made this address wait (CrmApiBackOff); all tests share
      // 127.0.0.1, so the wait is served on the test clock and the right password forgives it
      advanceServerClock(Duration.ofSeconds(Long.parseLong(wait.strip()) + 1));
      reply = post("oauth2/crmApiToken", "{\"password\":\"" + SANDBOX_PASSWORD + "\"}");
    }
    reply.expect(200);
    return reply.json().getString("crmApiToken");
  }

  /** A fresh OT token for the cTrader user, as the login screen's success URL would carry it. */
  public String login(long userId, boolean keepLoggedIn) {
    Reply reply =
        post("sandbox/login", "{\"userId\":" + userId + ",\"keepLoggedIn\":" + keepLoggedIn + "}");
    reply.expect(200);
    return reply.json().getString("code");
  }

  public Reply exchange(String crmApiToken, String code) {
    return post(
        "oauth2/onetime/authorize",
        "{\"code\":\"" + code + "\"}",
        Map.of("crmApiToken", crmApiToken));
  }

  public Reply authorize(String crmApiToken, String accessToken) {
    return post(
        "oauth2/authorize",
        "{\"accessToken\":\"" + accessToken + "\"}",
        Map.of("crmApiToken", crmApiToken));
  }

  public Reply generate(String crmApiToken, long userId, String inappToken) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("crmApiToken", crmApiToken);
    if (inappToken != null) {
      query.put("inappToken", inappToken);
    }
    return post("oauth2/onetime/generate", "{\"userId\":" + userId + "}", query);
  }

  public Reply logout(String crmApiToken, long userId, String accessToken) {
    return post(
        "oauth2/logout",
        null,
        Map.of(
            "crmApiToken",
            crmApiToken,
            "userId",
            Long.toString(userId),
            "accessToken",
            accessToken));
  }

  /**
   * Moves the server's clock forward (the black-box WAR's test clock, {@code
   * Deployments.blackBox()}): how the tests let a token outlive its lifetime without waiting.
   */
  public void advanceServerClock(Duration by) {
    Reply reply = post("it/clock/advance", null, Map.of("by", by.toString()));
    if (reply.status() == 404) {
      throw new IllegalStateException(
          "the server at "
              + base
              + " has no test clock: it must run the black-box WAR"
              + " (target/broker-sso-blackbox.war, Deployments.blackBox()), not the product WAR");
    }
    reply.expect(200);
  }

  /** A cTrader userId no other test (nor an earlier run against the same database) has used. */
  public static long newUserId() {
    return ThreadLocalRandom.current().nextLong(10_000_000L, 1L << 50);
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    return query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", ""));
  }

  /** Status and body of one response. */
  public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

    public Reply(int status, String body) {
      this(status, body, java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true));
    }

    /** The first value of a response header, or "" without one. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    public Reply expect(int expected) {
      if (status != expected) {
        throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
      }
      return this;
    }

    /** The contract's error body: {error, message, code}, and none of the success fields. */
    public Reply expectError(int expected, String code) {
      expect(expected);
      JsonObject json = json();
      if (!json.containsKey("error") || !json.containsKey("message")) {
        throw new AssertionError("error body lacks error/message: " + body);
      }
      if (code != null && !code.equals(json.getString("code", null))) {
        throw new AssertionError("expected code " + code + ": " + body);
      }
      for (String success :
          new String[] {"crmApiToken", "accessToken", "userId", "token", "inappToken"}) {
        if (json.containsKey(success)) {
          throw new AssertionError("error body carries success field " + success + ": " + body);
        }
      }
      return this;
    }
  }
}
