package org.brokersso.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's realm in Keycloak, set up through the admin REST API with the JDK's HttpClient:
 * realm {@code bench} with single-use refresh tokens (revokeRefreshToken, refreshTokenMaxReuse 0)
 * and lifespans that outlast the run, one confidential client with a service account (client
 * credentials) and direct-access grants, and one user with a password. Also obtains the tokens the
 * runs start from.
 */
final class KeycloakRealm {

  static final String REALM = "bench";
  static final String CLIENT = "bench-client";
  private static final String USER = "bench-user";
  private static final int TEN_HOURS = 36_000;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String clientSecret = secret();
  private final String userPassword = secret();

  private KeycloakRealm(String base) {
    this.base = base;
  }

  static KeycloakRealm create(String base, String admin, String adminPassword)
      throws IOException, InterruptedException {
    KeycloakRealm realm = new KeycloakRealm(base);
    String adminToken =
        realm
            .form(
                "realms/master/protocol/openid-connect/token",
                null,
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    "admin-cli",
                    "username",
                    admin,
                    "password",
                    adminPassword))
            .getString("access_token");
    realm.admin(
        adminToken,
        "admin/realms",
        Json.createObjectBuilder()
            .add("realm", REALM)
            .add("enabled", true)
            .add("revokeRefreshToken", true)
            .add("refreshTokenMaxReuse", 0)
            .add("accessTokenLifespan", TEN_HOURS)
            .add("ssoSessionIdleTimeout", TEN_HOURS)
            .add("ssoSessionMaxLifespan", TEN_HOURS)
            .build());
    realm.admin(
        adminToken,
        "admin/realms/" + REALM + "/clients",
        Json.createObjectBuilder()
            .add("clientId", CLIENT)
            .add("enabled", true)
            .add("publicClient", false)
            .add("clientAuthenticatorType", "client-secret")
            .add("secret", realm.clientSecret)
            .add("serviceAccountsEnabled", true)
            .add("directAccessGrantsEnabled", true)
            .add("standardFlowEnabled", false)
            .build());
    realm.admin(
        adminToken,
        "admin/realms/" + REALM + "/users",
        Json.createObjectBuilder()
            .add("username", USER)
            .add("enabled", true)
            .add("email", USER + "@bench.invalid")
            .add("emailVerified", true)
            .add("firstName", "Bench")
            .add("lastName", "User")
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", realm.userPassword)
                            .add("temporary", false)))
            .build());
    return realm;
  }

  /** The HTTP Basic credentials of the client, for the wrk scripts. */
  String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((CLIENT + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
  }

  String path(String endpoint) {
    return "/realms/" + REALM + "/protocol/openid-connect/" + endpoint;
  }

  /**
   * {@code count} password logins of the user, each a session of its own (and a password hash),
   * from a few threads; returns the token responses.
   */
  List<JsonObject> logins(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<JsonObject>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        answers.add(
            pool.submit(
                () ->
                    tokenCall(
                        Map.of(
                            "grant_type", "password",
                            "username", USER,
                            "password", userPassword))));
      }
      List<JsonObject> tokens = new ArrayList<>();
      for (Future<JsonObject> answer : answers) {
        tokens.add(answer.get());
      }
      return tokens;
    } finally {
      pool.shutdown();
    }
  }

  JsonObject clientCredentials() throws IOException, InterruptedException {
    return tokenCall(Map.of("grant_type", "client_credentials"));
  }

  JsonObject refresh(String refreshToken) throws IOException, InterruptedException {
    return tokenCall(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  /** The status of a refresh with a token that may have been used already. */
  int refreshStatus(String refreshToken) throws IOException, InterruptedException {
    return post(
            path("token"),
            basicAuthorization(),
            Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
        .statusCode();
  }

  JsonObject introspect(String token) throws IOException, InterruptedException {
    return form(path("token/introspect"), basicAuthorization(), Map.of("token", token));
  }

  private JsonObject tokenCall(Map<String, String> fields)
      throws IOException, InterruptedException {
    return form(path("token"), basicAuthorization(), fields);
  }

  private JsonObject form(String path, String authorization, Map<String, String> fields)
      throws IOException, InterruptedException {
    HttpResponse<String> response = post(path, authorization, fields);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak answered " + response.statusCode() + " to " + path + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private HttpResponse<String> post(String path, String authorization, Map<String, String> fields)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> f : new LinkedHashMap<>(fields).entrySet()) {
      body.append(body.isEmpty() ? "" : "&")
          .append(f.getKey())
          .append('=')
          .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path.replaceFirst("^/", "")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void admin(String token, String path, JsonObject json)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "Keycloak's admin API answered "
              + response.statusCode()
              + " to POST "
              + path
              + ": "
              + response.body());
    }
  }

  private static String secret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
