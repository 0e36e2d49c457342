package org.brokersso.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brokersso.BlackBoxServer;
import org.brokersso.ContractClient;
import org.brokersso.LoadBalancer;
import org.brokersso.OperatorMetrics;
import org.brokersso.PayaraCluster;
import org.brokersso.ScreenForms;
import org.brokersso.ScreenForms.Form;
import org.brokersso.ServerModeH2;
import org.brokersso.TestMailbox;
import org.brokersso.Traders;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The product as several instances behind a load balancer (issue 13; docs/operations.md): two
 * clustered Payara Micro instances (Hazelcast, a TCP/IP member list) on one database (H2 in server
 * mode in this JVM, or {@code DB_URL}'s), behind HAProxy, round-robin without stickiness and
 * health-checked on {@code /health/ready}. Every screen request goes through the balancer, so
 * consecutive requests of one flow land on alternate instances: signup with the mailed code,
 * account, success URL and 4.2; a password reset; an InApp deposit; the login throttle, which the
 * cluster must count as one instance does; and one instance killed mid-session. The figures (flows,
 * throttle counts, failover, session sizes) are printed and kept in docs/operations.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String WRONG_PASSWORD = "The e-mail or the password is wrong.";
  private static final Pattern WAIT = Pattern.compile("Please wait (\\d+) seconds");
  private static final Pattern RESET_LINK =
      Pattern.compile("https?://\\S+?(/auth/reset\\?token=pr_[A-Za-z0-9_-]{43})");

  private static Server h2;
  private static PayaraCluster cluster;
  private static LoadBalancer balancer;

  /** The trader of the signup flow, signed in through the balancer; the failover test goes on. */
  private static ScreenForms trader;

  private static long traderId;
  private static String inappToken;

  private static final String SESSION_COOKIE = "__Host-BROKER_SSO_SESSION";
  private static final Pattern ACCOUNT_LOGIN =
      Pattern.compile("<td class=\"login\"[^>]*>(\\d+)</td>");

  private static final List<String> FIGURES = new ArrayList<>();

  private static final int JOB_PERIOD_SECONDS = 2;

  /** When both instances were serving, so their schedules ticking. */
  private static long jobsSince;

  private static final Map<String, Integer> RAN_BEFORE = new TreeMap<>();
  private static final Map<String, Integer> SKIPPED_BEFORE = new TreeMap<>();

  @BeforeAll
  static void startClusterBehindHaproxy() throws Exception {
    TestMailbox.start();
    String dbUrl = null;
    if (System.getenv("DB_URL") == null) {
      h2 = ServerModeH2.start("cluster");
      dbUrl = ServerModeH2.url(h2.getPort(), "cluster-" + System.currentTimeMillis());
    }
    cluster =
        new PayaraCluster(
            List.of("a", "b"),
            dbUrl,
            List.of(
                // the same form-token key on every instance (README: screen.form-token.key)
                "-Dscreen.form-token.key=Y2x1c3Rlci10ZXN0LWZvcm0tdG9rZW4ta2V5LTMyYnl0ZXM=",
                // the scheduled jobs on (the other test servers run none), the report every
                // JOB_PERIOD on both instances: the lease must let one of them run it per period
                // the operator password, for the instances' /operator/metrics
                "-Doperator.password=" + BlackBoxServer.OPERATOR_PASSWORD,
                "-Djobs.enabled=true",
                "-Djobs.report.period=PT" + JOB_PERIOD_SECONDS + "S",
                "-Djobs.purge.period=PT1H",
                "-Djobs.retry.period=PT1H"));
    // what the report job did before both instances served: not counted (one may have started
    // ticking alone, before the other was up)
    for (PayaraCluster.Instance instance : cluster.instances()) {
      String metrics = operatorMetrics(instance);
      RAN_BEFORE.put(instance.name(), jobRuns(metrics, "ran"));
      SKIPPED_BEFORE.put(instance.name(), jobRuns(metrics, "skipped"));
    }
    jobsSince = System.nanoTime();
    balancer = new LoadBalancer(cluster.instances());
  }

  @AfterAll
  static void stop() {
    System.out.println("Cluster figures:\n  " + String.join("\n  ", FIGURES));
    if (balancer != null) {
      balancer.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (h2 != null) {
      h2.stop();
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "signup with the mailed code, account, success URL and 4.2 through round-robin HAProxy:"
          + " the steps land on both instances and the flow completes")
  void signupThroughTheBalancer() {
    trader = new ScreenForms(balancer.base());
    Set<String> servedBy = new LinkedHashSet<>();
    signUp(trader, Traders.newEmail(), servedBy);
    Form account = form(trader, servedBy, "/account/create?lang=en", "account");
    HttpResponse<String> created =
        seen(
            servedBy,
            trader.submit(
                account,
                Map.of(
                    "account:currency", "EUR",
                    "account:leverage", "100",
                    "account:type", "HEDGED",
                    "account:terms", "on",
                    "account:submit", "Open")));
    String success = ScreenForms.location(created);
    assertTrue(success.startsWith("/callback/success?token="), "success URL: " + created.body());

    String ot = success.substring(success.indexOf("token=") + 6).split("&")[0];
    JsonObject session = ctrader().exchange(crmApiToken(), ot).expect(200).json();
    traderId = session.getJsonNumber("userId").longValue();
    inappToken = session.getString("inappToken");
    assertEquals(Set.of("a", "b"), servedBy, "both instances served the flow's steps");
    FIGURES.add(
        "signup -> mailed code -> account -> success URL -> 4.2: passed, steps served by "
            + servedBy);

    String id = trader.cookie(SESSION_COOKIE).orElseThrow();
    FIGURES.add("session of a signed-in trader: " + weigh(id));
  }

  @Test
  @Order(2)
  @DisplayName(
      "an InApp deposit through the balancer: 4.4 token, the deposit screen, its form post")
  void inAppDepositThroughTheBalancer() {
    Set<String> servedBy = new LinkedHashSet<>();
    HttpResponse<String> area = seen(servedBy, trader.get("/client/accounts?lang=en"));
    Matcher login = ACCOUNT_LOGIN.matcher(area.body());
    assertTrue(login.find(), "the trader's account: " + area.body());
    String token =
        ctrader()
            .generate(crmApiToken(), traderId, inappToken)
            .expect(200)
            .json()
            .getString("token");
    ScreenForms app = new ScreenForms(balancer.base());
    // the gate redeems the token and sends the screen on without it (InAppGate)
    HttpResponse<String> opened =
        seen(
            servedBy,
            app.get("/inapp/deposit?token=" + token + "&account=" + login.group(1) + "&lang=en"));
    assertEquals(303, opened.statusCode(), "the gate took the token: " + opened.body());
    Form deposit = form(app, servedBy, ScreenForms.location(opened), "deposit");
    FIGURES.add("session of an InApp grant: " + weigh(app.cookie(SESSION_COOKIE).orElseThrow()));
    HttpResponse<String> review =
        seen(
            servedBy,
            app.submit(
                deposit,
                Map.of(
                    "deposit:amount", "100",
                    "deposit:outcome", "APPROVE",
                    "deposit:submit", "Review")));
    assertEquals(200, review.statusCode(), "the review: " + review.body());
    HttpResponse<String> done =
        seen(
            servedBy,
            app.submit(Form.in(review.body(), "review"), Map.of("review:confirm", "Confirm")));
    assertEquals("/inapp/done", path(done), "deposited: " + done.body());
    assertEquals(Set.of("a", "b"), servedBy, "both instances served the deposit's steps");
    FIGURES.add("InApp deposit (4.4 -> screen -> review -> confirmation -> done): passed");
  }

  @Test
  @Order(3)
  @DisplayName("a password reset through the balancer: link mailed, new password set, signed in")
  void passwordResetThroughTheBalancer() {
    String email = Traders.newEmail();
    Set<String> servedBy = new LinkedHashSet<>();
    signUp(new ScreenForms(balancer.base()), email, servedBy);
    ScreenForms browser = new ScreenForms(balancer.base());
    Form forgot = form(browser, servedBy, "/auth/forgot?lang=en", "forgot");
    HttpResponse<String> sent =
        seen(
            servedBy,
            browser.submit(forgot, Map.of("forgot:email", email, "forgot:submit", "Send")));
    assertTrue(sent.statusCode() < 400, "the reset was asked for: " + sent.body());
    Matcher link =
        RESET_LINK.matcher(
            TestMailbox.awaitMail(email, m -> RESET_LINK.matcher(m.body()).find(), "reset link")
                .body());
    assertTrue(link.find());
    Form reset = form(browser, servedBy, link.group(1) + "&lang=en", "reset");
    HttpResponse<String> done =
        seen(
            servedBy,
            browser.submit(
                reset,
                Map.of("reset:password", "a brand new horse battery", "reset:submit", "Save")));
    assertEquals("/client/accounts", path(done), "reset done: " + done.body());
    HttpResponse<String> area = seen(servedBy, browser.get("/client/accounts?lang=en"));
    assertEquals(200, area.statusCode());
    assertTrue(area.body().contains("id=\"logout\""), "signed in: " + area.body());
    assertEquals(Set.of("a", "b"), servedBy, "both instances served the reset's steps");
    FIGURES.add("password reset (forgot -> mailed link -> new password -> client area): passed");
  }

  @Test
  @Order(4)
  @DisplayName(
      "the login throttle counts across the cluster: through the balancer the cluster checks no"
          + " more wrong passwords before the first wait than one instance does")
  void throttleIsShared() {
    // the first wait is one second; on a busy machine the next attempt may come later than that and
    // be checked: with the instances' clocks stopped, no wait runs out while the attempts are
    // counted
    cluster.instances().forEach(i -> new ContractClient(i.base()).post("it/clock/stop", null));
    try {
      countBudgets();
    } finally {
      cluster.instances().forEach(i -> new ContractClient(i.base()).post("it/clock/restart", null));
    }
  }

  private static void countBudgets() {
    int oneInstance =
        checkedBeforeTheFirstWait(
            new ScreenForms(cluster.named("a").base()), Traders.newEmail(), new LinkedHashSet<>());
    Set<String> servedBy = new LinkedHashSet<>();
    int throughTheBalancer =
        checkedBeforeTheFirstWait(new ScreenForms(balancer.base()), Traders.newEmail(), servedBy);
    FIGURES.add(
        "login throttle: wrong passwords checked before the first wait: one instance "
            + oneInstance
            + ", the cluster of two through HAProxy "
            + throughTheBalancer);
    assertEquals(Set.of("a", "b"), servedBy, "the attempts went to both instances");
    assertEquals(6, oneInstance, "5 free failures, then the 6th brings the first wait");
    assertEquals(oneInstance, throughTheBalancer, "the cluster allows no more than one instance");
  }

  @Test
  @Order(5)
  @DisplayName(
      "a scheduled job ticks on both instances but runs once per period: the other instance finds"
          + " the lease taken")
  void jobRunsOncePerPeriod() {
    double elapsed = (System.nanoTime() - jobsSince) / 1e9;
    Map<String, Integer> ran = new TreeMap<>();
    Map<String, Integer> skipped = new TreeMap<>();
    for (PayaraCluster.Instance instance : cluster.instances()) {
      String metrics = operatorMetrics(instance);
      ran.put(instance.name(), jobRuns(metrics, "ran") - RAN_BEFORE.get(instance.name()));
      skipped.put(
          instance.name(), jobRuns(metrics, "skipped") - SKIPPED_BEFORE.get(instance.name()));
    }
    int runs = ran.values().stream().mapToInt(Integer::intValue).sum();
    int periods = (int) Math.ceil(elapsed / JOB_PERIOD_SECONDS);
    FIGURES.add(
        String.format(
            "report job every %d s for %.0f s (at most %d periods): ran %s, skipped %s",
            JOB_PERIOD_SECONDS, elapsed, periods, ran, skipped));
    assertTrue(runs >= 1, "the report job ran: " + ran);
    assertTrue(runs <= periods + 1, "at most one run per period: " + ran + " in " + elapsed + " s");
    for (String name : ran.keySet()) {
      assertTrue(
          ran.get(name) + skipped.get(name) >= 1, name + " ticked: " + ran + " / " + skipped);
    }
    assertTrue(
        skipped.values().stream().mapToInt(Integer::intValue).sum() >= 1,
        "a tick found the lease taken: " + skipped);
  }

  private static String operatorMetrics(PayaraCluster.Instance instance) {
    return OperatorMetrics.scrape(instance.base()).text();
  }

  private static int jobRuns(String metrics, String outcome) {
    Matcher m =
        Pattern.compile(
                "\\nbrokersso_job_runs_total\\{job=\"report\",outcome=\"" + outcome + "\"} (\\d+)")
            .matcher("\n" + metrics);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  @Order(6)
  @DisplayName(
      "an access token remembered by instance b is refused by b at once after a revocation on a:"
          + " 4.5 logout, and the replay of the one-time token it came from")
  void revocationReachesTheOtherInstanceAtOnce() {
    ContractClient a = new ContractClient(cluster.named("a").base());
    ContractClient b = new ContractClient(cluster.named("b").base());
    String crmApiToken = a.crmApiToken();

    long loggedOut = ContractClient.newUserId();
    String accessToken =
        a.exchange(crmApiToken, a.login(loggedOut, true))
            .expect(200)
            .json()
            .getString("accessToken");
    rememberedBy(b, crmApiToken, accessToken);
    long started = System.nanoTime();
    a.logout(crmApiToken, loggedOut, accessToken).expect(200);
    long logoutMillis = (System.nanoTime() - started) / 1_000_000;
    b.authorize(crmApiToken, accessToken).expectError(410, "CID_TOKEN_EXPIRED");

    long replayed = ContractClient.newUserId();
    String code = a.login(replayed, true);
    String replayedAccess =
        a.exchange(crmApiToken, code).expect(200).json().getString("accessToken");
    rememberedBy(b, crmApiToken, replayedAccess);
    started = System.nanoTime();
    a.exchange(crmApiToken, code).expectError(410, "CID_TOKEN_EXPIRED");
    long replayMillis = (System.nanoTime() - started) / 1_000_000;
    b.authorize(crmApiToken, replayedAccess).expectError(410, "CID_TOKEN_EXPIRED");

    FIGURES.add(
        "4.3 remembered on b, revoked on a, refused on b at the next call: 4.5 answered in "
            + logoutMillis
            + " ms, the replay in "
            + replayMillis
            + " ms (each waits out sso.access-token.cache.staleness, 500 ms)");
    assertTrue(
        logoutMillis >= 500 && replayMillis >= 500,
        "a revocation waits for the other instance's memory: "
            + logoutMillis
            + " / "
            + replayMillis);
  }

  /** Verifies the token on the instance until it answers from memory (its hit counter moves). */
  private static void rememberedBy(ContractClient instance, String crmApiToken, String token) {
    PayaraCluster.Instance named =
        cluster.instances().stream()
            .filter(i -> i.base().equals(instance.base()))
            .findFirst()
            .orElseThrow();
    instance.authorize(crmApiToken, token).expect(200);
    long hits = cacheHits(operatorMetrics(named));
    instance.authorize(crmApiToken, token).expect(200);
    assertEquals(
        hits + 1, cacheHits(operatorMetrics(named)), "the second 4.3 was answered from memory");
  }

  private static long cacheHits(String metrics) {
    return new OperatorMetrics(metrics)
        .value("brokersso_access_token_cache_total{outcome=\"hit\"}");
  }

  @Test
  @Order(7)
  @DisplayName(
      "an instance killed mid-session: the trader stays signed in and the next form post works")
  void failover() {
    assertTrue(trader != null, "the signup test signed a trader in");
    HttpResponse<String> page = trader.get("/client/password?lang=en");
    assertEquals(200, page.statusCode(), "signed in before the kill: " + page.body());
    Form change = Form.in(page.body(), "password");
    String victim = page.headers().firstValue(LoadBalancer.SERVED_BY).orElseThrow();
    String survivor = victim.equals("a") ? "b" : "a";
    long killedAt = System.nanoTime();
    cluster.kill(victim);

    HttpResponse<String> changed =
        trader.submit(
            change,
            Map.of(
                "password:current", Traders.PASSWORD,
                "password:replacement", "a brand new horse battery",
                "password:submit", "Save"));
    double seconds = (System.nanoTime() - killedAt) / 1e9;
    assertEquals(survivor, changed.headers().firstValue(LoadBalancer.SERVED_BY).orElse(""));
    assertEquals(
        "/client/accounts",
        path(changed),
        "the form rendered by the killed instance posts on the survivor: " + changed.body());
    HttpResponse<String> area = trader.get("/client/accounts?lang=en");
    assertEquals(200, area.statusCode());
    assertTrue(area.body().contains("tr class=\"account"), "still signed in: " + area.body());
    FIGURES.add(
        String.format(
            "failover: instance %s killed (SIGKILL) after rendering a form; the post answered by %s"
                + " %.1f s later: password changed, still signed in",
            victim, survivor, seconds));
  }

  /** Wrong passwords the screen checked before its first "please wait", as a guesser sends them. */
  private static int checkedBeforeTheFirstWait(
      ScreenForms client, String email, Set<String> servedBy) {
    HttpResponse<String> page = seen(servedBy, client.get("/auth/login?lang=en"));
    Form login = Form.in(page.body(), "login");
    int checked = 0;
    for (int attempt = 1; attempt <= 30; attempt++) {
      HttpResponse<String> wrong =
          seen(
              servedBy,
              client.submit(
                  login,
                  Map.of(
                      "login:email",
                      email,
                      "login:password",
                      "wrong password " + attempt,
                      "login:submit",
                      "Log in")));
      if (WAIT.matcher(wrong.body()).find()) {
        return checked;
      }
      assertTrue(wrong.body().contains(WRONG_PASSWORD), "attempt " + attempt + ": " + wrong.body());
      checked++;
      login = Form.in(wrong.body(), "login");
    }
    return checked;
  }

  /** Signup and its mailed code, through {@code client}: signed in, no trading account yet. */
  private static void signUp(ScreenForms client, String email, Set<String> servedBy) {
    Form signup = form(client, servedBy, "/auth/login?firstLogin=true&lang=en", "signup");
    HttpResponse<String> posted =
        seen(
            servedBy,
            client.submit(
                signup,
                Map.of(
                    "signup:firstName", "Ada",
                    "signup:email", email,
                    "signup:password", Traders.PASSWORD,
                    "signup:terms", "on",
                    "signup:submit", "Sign up")));
    assertEquals("/auth/confirm", path(posted), "the code step: " + posted.body());
    Form confirm = form(client, servedBy, "/auth/confirm?lang=en", "confirm");
    HttpResponse<String> confirmed =
        seen(
            servedBy,
            client.submit(
                confirm,
                Map.of(
                    "confirm:code", TestMailbox.signupCode(email), "confirm:submit", "Confirm")));
    assertEquals("/account/create", path(confirmed), "signed up: " + confirmed.body());
  }

  /**
   * The serialized bytes of session {@code id} (what the cluster replicates), as the instance that
   * holds it live reports them ({@code GET /it/sessions/{id}} of the black-box WAR), per attribute.
   */
  private static String weigh(String id) {
    for (PayaraCluster.Instance instance : cluster.instances()) {
      ContractClient.Reply weight = new ContractClient(instance.base()).get("it/sessions/" + id);
      if (weight.status() == 200) {
        JsonObject json = weight.json();
        return json.getJsonNumber("bytes").longValue()
            + " bytes serialized in one stream; each attribute on its own: "
            + json.getJsonObject("attributes");
      }
    }
    return "not found on any instance";
  }

  private static ContractClient ctrader() {
    return new ContractClient(balancer.base());
  }

  private static String crmApiToken() {
    return ctrader().crmApiToken();
  }

  private static Form form(ScreenForms client, Set<String> servedBy, String path, String id) {
    HttpResponse<String> page = seen(servedBy, client.get(path));
    assertEquals(200, page.statusCode(), path + ": " + page.body());
    return Form.in(page.body(), id);
  }

  private static HttpResponse<String> seen(Set<String> servedBy, HttpResponse<String> answer) {
    answer.headers().firstValue(LoadBalancer.SERVED_BY).ifPresent(servedBy::add);
    return answer;
  }

  private static String path(HttpResponse<String> answer) {
    return ScreenForms.location(answer).split("\\?")[0];
  }
}
