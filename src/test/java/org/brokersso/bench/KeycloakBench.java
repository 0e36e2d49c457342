package org.brokersso.bench;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brokersso.BlackBoxServer;

/**
 * Keycloak's rows (issue 15): Keycloak alone on the machine, on the same MariaDB, through the same
 * wrk settings as the product's rows, doing what 4.1, 4.2 and 4.3 do in the product (client
 * credentials, single-use refresh rotation, introspection), at each concurrency, one after the
 * other.
 */
final class KeycloakBench {

  /**
   * One Keycloak row: the call that does in Keycloak what {@code pairedWith} does in the product.
   */
  record Row(String call, String pairedWith, int concurrency, WrkRun.Figures http) {}

  private final Duration warmUp;
  private final Duration measured;
  private final int[] concurrency;
  private final Path raw;
  private final List<Row> rows = new ArrayList<>();

  KeycloakBench(Duration warmUp, Duration measured, int[] concurrency, Path out) {
    this.warmUp = warmUp;
    this.measured = measured;
    this.concurrency = concurrency.clone();
    this.raw = out.resolve("raw");
  }

  /** The rows measured so far (all of them once {@link #run} has returned). */
  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Starts Keycloak, sets it up, checks it, measures; adds its lines to versions and checks. */
  void run(Map<String, String> versions, StringBuilder checks) throws Exception {
    try (KeycloakProcess server =
        KeycloakProcess.start(BlackBoxServer.freePort(), BlackBoxServer.freePort(), raw)) {
      versions.put("Keycloak", KeycloakProcess.VERSION + " (production mode, `kc.sh start`)");
      versions.put("Java for Keycloak", server.java());
      KeycloakRealm realm =
          KeycloakRealm.create(server.baseUrl(), KeycloakProcess.ADMIN, server.adminPassword());
      List<String> accessTokens = new ArrayList<>();
      for (JsonObject login : realm.logins(200)) {
        accessTokens.add(login.getString("access_token"));
      }
      checks.append(check(realm, accessTokens));
      Path accessFile =
          TokenApiBenchmark.writeLines(raw.resolve("keycloak-access-tokens.txt"), accessTokens);
      String base = server.baseUrl();
      Map<String, String> env =
          Map.of(
              "BENCH_KC_PATH", realm.path(""),
              "BENCH_KC_AUTHORIZATION", realm.basicAuthorization());
      for (int c : concurrency) {
        add(
            "client credentials",
            "4.1 crmApiToken",
            c,
            WrkRun.afterWarmUp(
                base,
                "kc-client-credentials.lua",
                c,
                warmUp,
                measured,
                env,
                raw,
                "keycloak-cc-c" + c));

        // every refresh token once: one session per connection, each run seeded afresh
        WrkRun.run(
            base,
            "kc-refresh.lua",
            c,
            warmUp,
            TokenApiBenchmark.withTokens(env, refreshSeeds(realm, c, "warmup")),
            raw.resolve("keycloak-refresh-c" + c + "-warmup.txt"));
        add(
            "refresh rotation (single use)",
            "4.2 onetime/authorize",
            c,
            WrkRun.run(
                base,
                "kc-refresh.lua",
                c,
                measured,
                TokenApiBenchmark.withTokens(env, refreshSeeds(realm, c, "measured")),
                raw.resolve("keycloak-refresh-c" + c + ".txt")));

        add(
            "introspection",
            "4.3 authorize",
            c,
            WrkRun.afterWarmUp(
                base,
                "kc-introspect.lua",
                c,
                warmUp,
                measured,
                TokenApiBenchmark.withTokens(env, accessFile),
                raw,
                "keycloak-introspect-c" + c));
      }
    }
  }

  private void add(String call, String pairedWith, int c, WrkRun.Figures figures) {
    rows.add(new Row(call, pairedWith, c, figures));
    System.out.printf(
        "keycloak %s c=%d: http %.0f/s, %d errors%n",
        call, c, figures.perSecond(), figures.errors());
  }

  private Path refreshSeeds(KeycloakRealm realm, int sessions, String label) throws Exception {
    List<String> seeds = new ArrayList<>();
    for (JsonObject login : realm.logins(sessions)) {
      seeds.add(login.getString("refresh_token"));
    }
    return TokenApiBenchmark.writeLines(
        raw.resolve("keycloak-refresh-seeds-" + sessions + "-" + label + ".txt"), seeds);
  }

  /**
   * Before any row: the answers the scripts will get are real, and a refresh token works once only.
   * Returns the line for the report's checks.
   */
  private static String check(KeycloakRealm realm, List<String> accessTokens) throws Exception {
    for (int i = 0; i < accessTokens.size(); i += Math.max(1, accessTokens.size() / 4)) {
      JsonObject answer = realm.introspect(accessTokens.get(i));
      if (!answer.getBoolean("active", false)) {
        throw new IllegalStateException(
            "Keycloak says a fresh access token is inactive: " + answer);
      }
    }
    String serviceToken = realm.clientCredentials().getString("access_token");
    if (!realm.introspect(serviceToken).getBoolean("active", false)) {
      throw new IllegalStateException("Keycloak's client-credentials token is not active");
    }
    // Keycloak compares issue times in whole seconds: a refresh token is refused as reused ("Stale
    // token") when it was issued in an earlier second than the session's latest refresh
    List<JsonObject> sessions = realm.logins(2);
    String first = sessions.get(0).getString("refresh_token");
    Thread.sleep(1_100);
    String second = realm.refresh(first).getString("refresh_token");
    int reused = realm.refreshStatus(first);
    int afterReuse = realm.refreshStatus(second);
    String quick = sessions.get(1).getString("refresh_token");
    realm.refresh(quick);
    int reusedAtOnce = realm.refreshStatus(quick);
    if (reused != 400) {
      throw new IllegalStateException(
          "Keycloak's refresh tokens are not single-use: reuse answered " + reused);
    }
    return String.format(
        "- Keycloak, before its rows: sampled access tokens and a client-credentials token"
            + " introspect as active; a refresh token issued more than a second before its first"
            + " use and then used again is answered **%d**, and the newest refresh token of that"
            + " session then %d; a refresh token used again straight after it was issued and used"
            + " (Keycloak compares issue times in whole seconds): %d%n",
        reused, afterReuse, reusedAtOnce);
  }
}
