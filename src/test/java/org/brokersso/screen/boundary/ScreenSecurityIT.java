package org.brokersso.screen.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.brokersso.Traders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the screens promise against a hostile page or client (§8 and our recommendations there):
 * {@link ScreenSecurityHeaders}, {@link ScreenSessionCookie}, {@link FormTokenCheck}, the login
 * throttle, the Apple-relay refusal (§6.11) and passwords never rendered back. Headers, cookies and
 * forged posts over plain HTTP; what a trader sees in headless Chromium.
 */
@Tag(Browser.TAG)
class ScreenSecurityIT extends ContractIT {

  private static final String PASSWORD = Traders.PASSWORD;
  private static final String SESSION_COOKIE = "BROKER_SSO_SESSION";
  private static final String FORM_COOKIE = "BROKER_SSO_FORM";

  /** Screens anybody opens, cTrader's one login URL and the broker's own address included. */
  private static final List<String> ANONYMOUS_SCREENS =
      List.of(
          "/auth/login",
          "/auth/login?firstLogin=true&lang=es&eventName=signup_open",
          "/auth/signup?partnerId=IB-000001&theme=dark",
          "/auth/forgot",
          "/auth/reset?token=x",
          "/account/create?lang=ar&utm_source=app",
          "/callback/success?token=x",
          "/screen/expired",
          "/Trader/Logon");

  private static final List<String> SCREENS =
      List.of(
          "/auth/login",
          "/auth/login?firstLogin=true",
          "/auth/signup",
          "/auth/forgot",
          "/auth/reset?token=x",
          "/account/create",
          "/callback/success?token=x",
          "/client/accounts",
          "/client/password",
          "/client/email",
          "/client/partner",
          "/client/web",
          "/screen/expired",
          "/screen/error");

  @Test
  @DisplayName(
      "every screen answers with a CSP that sets frame-ancestors and allows no inline script, Cache-Control no-store and Referrer-Policy no-referrer")
  void securityHeadersOnEveryScreen() {
    ScreenClient client = new ScreenClient(ctrader.base());
    for (String screen : SCREENS) {
      HttpResponse<String> answer = client.get(screen);
      assertTrue(
          answer.statusCode() == 200 || answer.statusCode() == 303,
          screen + " answers " + answer.statusCode());
      hasSecurityHeaders(answer, screen);
    }
  }

  private static void hasSecurityHeaders(HttpResponse<String> answer, String screen) {
    String policy = answer.headers().firstValue("Content-Security-Policy").orElse(null);
    assertNotNull(policy, screen + " has a Content-Security-Policy");
    Map<String, List<String>> directives = directives(policy);
    List<String> ancestors = directives.get("frame-ancestors");
    assertNotNull(
        ancestors, screen + ": frame-ancestors names who may frame the screen: " + policy);
    assertFalse(ancestors.contains("*"), screen + ": not anybody: " + policy);
    List<String> scripts = directives.getOrDefault("script-src", directives.get("default-src"));
    assertNotNull(
        scripts, screen + ": scripts are restricted (script-src or default-src): " + policy);
    assertFalse(
        scripts.contains("'unsafe-inline'")
            || scripts.contains("'unsafe-eval'")
            || scripts.contains("*"),
        screen + ": no inline script: " + policy);
    assertTrue(
        answer.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
        screen + ": Cache-Control no-store");
    assertEquals(
        "no-referrer",
        answer.headers().firstValue("Referrer-Policy").orElse(null),
        screen + ": Referrer-Policy");
  }

  /**
   * What a failure's answer must never show: the exception, SQL, a column type, the runtime and its
   * versions, a stack trace, a view's file.
   */
  private static final List<String> INTERNALS =
      List.of(
          "exception",
          "sql",
          "decimal",
          "2.3.232",
          "jdbc",
          "payara",
          "glassfish",
          "jakarta.",
          "at org.",
          "stack",
          ".xhtml");

  private static void revealsNothing(HttpResponse<String> answer, String what) {
    String body = answer.body().toLowerCase(Locale.ROOT);
    for (String internal : INTERNALS) {
      assertFalse(body.contains(internal), what + " shows '" + internal + "': " + answer.body());
    }
    assertTrue(
        answer.headers().firstValue("Server").isEmpty()
            && answer.headers().firstValue("X-Powered-By").isEmpty(),
        what + ": no Server or X-Powered-By header: " + answer.headers().map());
  }

  @Test
  @DisplayName(
      "one error page for every failure: a server fault (500) and a missing page (404) answer it with their status, the screens' headers, and nothing internal")
  void errorPageForEveryFailure() {
    ScreenClient client = new ScreenClient(ctrader.base());
    HttpResponse<String> fault = client.get("/it/fault"); // fails with SQL and H2's version
    assertEquals(500, fault.statusCode(), "a server fault");
    assertTrue(fault.body().contains("id=\"error\""), "the error page: " + fault.body());
    revealsNothing(fault, "a server fault");
    hasSecurityHeaders(fault, "a server fault");

    HttpResponse<String> missing = client.get("/sandbox/outbox"); // 404: mail goes to SMTP here
    assertEquals(404, missing.statusCode(), "a page that does not exist here");
    assertTrue(missing.body().contains("id=\"error\""), "the error page: " + missing.body());
    revealsNothing(missing, "a missing page");
    hasSecurityHeaders(missing, "a missing page");

    HttpResponse<String> direct = client.get("/screen/error?lang=es");
    assertTrue(
        direct.body().contains("Esta página no se puede mostrar"), "in the screen's language");
  }

  @Test
  @DisplayName(
      "12.6 a form whose view has expired, or a view state that cannot be restored (any method), answers 403 with the page-expired screen, never 500")
  void viewsThatCannotBeRestoredAreExpiredPages() {
    ScreenClient client = new ScreenClient(ctrader.base());
    HttpResponse<String> stateless =
        client.get("/auth/login?login=login&jakarta.faces.ViewState=stateless");
    assertTrue(
        stateless.statusCode() >= 400 && stateless.statusCode() < 500,
        "a refusal, not a fault: " + stateless.statusCode());
    revealsNothing(stateless, "a GET with a forged view state");
    hasSecurityHeaders(stateless, "a GET with a forged view state");

    // "stateless" is what every form posts now that views are transient; a view id the server never
    // gave out is the forgery left to refuse
    for (String viewState : List.of("-4711:-4711")) {
      Form signup = client.form("/auth/login?firstLogin=true", "signup");
      Map<String, String> fields = signupFields(signup, newEmail());
      fields.put(
          "jakarta.faces.ViewState", viewState); // with the form token: only the view is gone
      HttpResponse<String> expired = client.post(signup.action(), fields);
      assertEquals(403, expired.statusCode(), "view state " + viewState + ": " + expired.body());
      assertTrue(
          expired.body().contains("id=\"expired\""),
          "the page-expired screen for view state " + viewState);
      assertFalse(expired.headers().firstValue("Location").isPresent(), "and nothing done");
      revealsNothing(expired, "view state " + viewState);
      hasSecurityHeaders(expired, "view state " + viewState);
    }
  }

  @Test
  @DisplayName(
      "framing is decided by the CSP's frame-ancestors alone: no X-Frame-Options that would refuse cTrader's frame (SAMEORIGIN), on screens and error pages")
  void noContradictoryFrameOptions() {
    ScreenClient client = new ScreenClient(ctrader.base());
    for (String path : List.of("/auth/login", "/inapp/deposit", "/screen/expired", "/it/fault")) {
      HttpResponse<String> answer = client.get(path);
      assertTrue(
          directives(answer.headers().firstValue("Content-Security-Policy").orElse(""))
              .getOrDefault("frame-ancestors", List.of())
              .contains("https://app.ctrader.com"),
          path + ": cTrader Web may frame it");
      assertEquals(
          List.of(),
          answer.headers().allValues("X-Frame-Options"),
          path + ": X-Frame-Options would contradict frame-ancestors");
    }
  }

  /** "default-src 'none'; frame-ancestors 'self' https://x" as directive name to its sources. */
  private static Map<String, List<String>> directives(String policy) {
    Map<String, List<String>> directives = new HashMap<>();
    for (String directive : policy.split(";")) {
      List<String> words = Arrays.asList(directive.trim().split("\\s+"));
      if (!words.get(0).isEmpty()) {
        directives.put(words.get(0).toLowerCase(Locale.ROOT), words.subList(1, words.size()));
      }
    }
    return directives;
  }

  @Test
  @DisplayName(
      "the session cookie __Host-BROKER_SSO_SESSION (set by the first post that signs in) and the form cookie __Host-BROKER_SSO_FORM are Secure, HttpOnly, SameSite=None, Partitioned, Path=/ without Domain, and never in a URL")
  void sessionCookie() {
    ScreenClient client = new ScreenClient(ctrader.base());
    Form signup = client.form("/auth/login?firstLogin=true", "signup");
    hasEmbeddableAttributes(client.lastSetCookie(FORM_COOKIE));
    assertFalse(
        client.page().toLowerCase(Locale.ROOT).contains("jsessionid"),
        "no session id in the page's URLs");
    HttpResponse<String> signedUp = client.post(signup.action(), signupFields(signup, newEmail()));
    assertEquals(302, signedUp.statusCode(), "signed up: " + signedUp.body());
    hasEmbeddableAttributes(client.lastSetCookie(SESSION_COOKIE));
  }

  /** What a cookie needs to live in cTrader's cross-site iframe, third-party cookies blocked. */
  private static void hasEmbeddableAttributes(String cookie) {
    List<String> attributes =
        Arrays.stream(cookie.split(";")).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
    assertTrue(cookie.startsWith("__Host-"), "the __Host- prefix: " + cookie);
    assertTrue(attributes.contains("secure"), "Secure: " + cookie);
    assertTrue(attributes.contains("httponly"), "HttpOnly: " + cookie);
    assertTrue(attributes.contains("samesite=none"), "SameSite=None: " + cookie);
    assertTrue(attributes.contains("partitioned"), "Partitioned: " + cookie);
    assertTrue(attributes.contains("path=/"), "Path=/: " + cookie);
    assertTrue(attributes.stream().noneMatch(a -> a.startsWith("domain=")), "no Domain: " + cookie);
  }

  @Test
  @DisplayName(
      "a cookie-less GET of an anonymous screen creates no server session and sets no session cookie, so a GET flood holds no memory; a post from such a page still works and keeps the flow's parameters")
  void anonymousScreensCreateNoSession() {
    for (String screen : ANONYMOUS_SCREENS) {
      long before = sessionsCreated();
      ScreenClient client = new ScreenClient(ctrader.base());
      HttpResponse<String> answer = client.get(screen);
      assertEquals(200, answer.statusCode(), screen);
      assertTrue(
          answer.headers().allValues("Set-Cookie").stream()
              .noneMatch(c -> c.contains(SESSION_COOKIE + "=")),
          screen + " sets no session cookie: " + answer.headers().allValues("Set-Cookie"));
      assertEquals(before, sessionsCreated(), screen + " creates no server session");
    }

    ScreenClient client = new ScreenClient(ctrader.base());
    Form login = client.form("/auth/login?lang=es&eventName=login_open", "login");
    HttpResponse<String> wrong =
        client.post(login.action(), loginFields(login, newEmail(), "wrong password"));
    assertEquals(200, wrong.statusCode(), "the post is checked, not refused: " + wrong.body());
    assertTrue(wrong.body().contains("lang=\"es\""), "and answered in the flow's language");
    assertTrue(
        Form.in(wrong.body(), "login").action().contains("eventName=login_open"),
        "with the tracking parameter still carried: " + Form.in(wrong.body(), "login").action());
  }

  @Test
  @DisplayName(
      "a post with another visitor's form token is refused with 403: the token is bound to the visitor's own form cookie")
  void formPostWithAnotherVisitorsTokenIsRefused() {
    ScreenClient victim = new ScreenClient(ctrader.base());
    Form victimsForm = victim.form("/auth/login?firstLogin=true", "signup");
    ScreenClient attacker = new ScreenClient(ctrader.base());
    Form attackersForm = attacker.form("/auth/login?firstLogin=true", "signup");
    Map<String, String> forged = signupFields(victimsForm, newEmail());
    forged.put(FormToken.FIELD, attackersForm.fields().get(FormToken.FIELD));
    HttpResponse<String> refused = victim.post(victimsForm.action(), forged);
    assertEquals(403, refused.statusCode(), "refused");
    assertTrue(refused.body().contains("id=\"expired\""), "with the \"page expired\" screen");
  }

  @Test
  @DisplayName(
      "embedded in another site's page by a browser that blocks third-party cookies, signup, account creation and the hand-over work inside the frame: the partitioned cookies stick across the form posts")
  void embeddedWithThirdPartyCookiesBlocked() throws IOException {
    URI screens = ctrader.base(); // http://localhost:port/; the embedder is 127.0.0.1, another site
    HttpServer embedder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    embedder.createContext(
        "/",
        exchange -> {
          byte[] page =
              ("<!doctype html><title>cTrader stand-in</title><iframe id=\"screens\" width=\"900\""
                      + " height=\"900\" src=\""
                      + screens.resolve("auth/login?firstLogin=true&lang=en")
                      + "\"></iframe>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (var body = exchange.getResponseBody()) {
            body.write(page);
          }
        });
    embedder.start();
    try (Browser browser = Browser.thirdPartyCookiesBlocked(screens)) {
      browser.driver().get("http://127.0.0.1:" + embedder.getAddress().getPort() + "/");
      browser.driver().switchTo().frame("screens");
      String email = newEmail();
      browser
          .type("signup:firstName", "Ada")
          .type("signup:email", email)
          .type("signup:password", PASSWORD)
          .tick("signup:terms")
          .click("signup:submit");
      assertEquals(
          "/auth/confirm",
          browser.script("return location.pathname"),
          "the signup post carried the form cookie: " + browser.pageText());
      Traders.enterCode(browser, email); // the pending signup is in the session: its cookie is back
      assertEquals(
          "/account/create",
          browser.script("return location.pathname"),
          "the code post carried the session cookie: " + browser.pageText());
      assertTrue(
          browser.has("account:submit"),
          "the next page knows the trader: the session cookie came back: " + browser.pageText());
      Traders.createAccount(browser);
      assertEquals(
          "/callback/success",
          browser.script("return location.pathname"),
          "handed over to cTrader inside the frame: " + browser.pageText());
    } finally {
      embedder.stop(0);
    }
  }

  private long sessionsCreated() {
    return ctrader.get("it/sessions").expect(200).json().getJsonNumber("created").longValue();
  }

  @Test
  @DisplayName(
      "a signup post without the form token is refused with 403 and stores nothing; the same post with it goes on to the code step")
  void formPostWithoutTokenIsRefused() {
    String email = newEmail();
    ScreenClient client = new ScreenClient(ctrader.base());
    Form signup = client.form("/auth/login?firstLogin=true", "signup");
    assertTrue(
        signup.fields().containsKey("jakarta.faces.ViewState"),
        "the page has a view state to send back");
    Map<String, String> forged = signupFields(signup, email);
    assertTrue(
        forged.remove(FormToken.FIELD) != null,
        "the form carries the token that the forged post leaves out");
    HttpResponse<String> refused = client.post(signup.action(), forged);
    assertEquals(403, refused.statusCode(), "refused");
    assertTrue(refused.body().contains("id=\"expired\""), "with the \"page expired\" screen");
    assertFalse(
        refused.headers().firstValue("Location").isPresent(),
        "and not sent on to account creation");
    hasSecurityHeaders(refused, "the refused post");

    try (Browser browser = new Browser(ctrader.base())) {
      signUp(browser, email);
      assertEquals(
          "/account/create",
          browser.url().getPath(),
          "the address is still free: the refused post stored no user");
    }

    Form again = client.form("/auth/login?firstLogin=true", "signup");
    HttpResponse<String> accepted = client.post(again.action(), signupFields(again, newEmail()));
    assertEquals(
        302,
        accepted.statusCode(),
        "the same hand-made post with the token is accepted: " + accepted.body());
    assertTrue(
        accepted.headers().firstValue("Location").orElse("").contains("/auth/confirm"),
        "and goes on to the mailed code");
  }

  private static Map<String, String> signupFields(Form form, String email) {
    Map<String, String> fields = new LinkedHashMap<>(form.fields());
    fields.put("signup:firstName", "Ada");
    fields.put("signup:email", email);
    fields.put("signup:password", PASSWORD);
    fields.put("signup:terms", "on");
    fields.put("signup:submit", "Sign up");
    return fields;
  }

  @Test
  @DisplayName(
      "§6.11 an Apple private-relay address is refused at signup with the relay message, and the signup form stays")
  void appleRelayIsRefused() {
    try (Browser browser = new Browser(ctrader.base())) {
      for (String relay :
          List.of(
              "x-" + UUID.randomUUID() + "@privaterelay.appleid.com",
              "X-" + UUID.randomUUID() + "@PrivateRelay.AppleID.com")) {
        signUp(browser, relay);
        assertTrue(
            browser.pageText().contains("privaterelay.appleid.com"),
            "the relay message for " + relay + ": " + browser.pageText());
        assertTrue(browser.has("signup:submit"), "the signup form stays");
        assertFalse(
            browser.url().getPath().startsWith("/account"),
            "no account creation: " + browser.url());
      }
    }
  }

  @Test
  @DisplayName(
      "login throttling: 5 free wrong passwords, the 6th starts a 1 s wait in which even the right password is refused; then the login works")
  void loginThrottling() {
    String email = newEmail();
    registered(email);
    // over HTTP, not in the browser, so the attempt after the 6th failure surely falls within its 1
    // s wait
    ScreenClient client = new ScreenClient(ctrader.base());
    Form login = client.form("/auth/login?lang=en", "login");
    for (int attempt = 1; attempt <= 6; attempt++) {
      HttpResponse<String> wrong =
          client.post(login.action(), loginFields(login, email, "wrong password " + attempt));
      assertEquals(200, wrong.statusCode(), "attempt " + attempt + " stays on the login form");
      assertTrue(
          wrong.body().contains("The e-mail or the password is wrong."),
          "attempt " + attempt + " is checked and wrong");
      login = Form.in(wrong.body(), "login");
    }
    HttpResponse<String> throttled =
        client.post(login.action(), loginFields(login, email, PASSWORD));
    assertEquals(200, throttled.statusCode(), "the right password during the wait is not let in");
    assertTrue(
        throttled.body().contains("Too many attempts. Please wait 1 seconds"),
        "the trader is told to wait");
    login = Form.in(throttled.body(), "login");

    ctrader.advanceServerClock(Duration.ofMillis(1_500)); // the wait runs out (LoginThrottle)
    HttpResponse<String> admitted =
        client.post(login.action(), loginFields(login, email, PASSWORD));
    assertEquals(
        302, admitted.statusCode(), "after the wait the right password works: " + admitted.body());
    URI success = URI.create(admitted.headers().firstValue("Location").orElseThrow());
    assertEquals("/callback/success", success.getPath());
    assertTrue(success.getQuery().startsWith("token=ot_"), "with an OT token: " + success);
  }

  private static Map<String, String> loginFields(Form form, String email, String password) {
    Map<String, String> fields = new LinkedHashMap<>(form.fields());
    fields.put("login:email", email);
    fields.put("login:password", password);
    fields.put("login:submit", "Log in");
    return fields;
  }

  @Test
  @DisplayName(
      "a password is never rendered back: the field is empty after a failed login and after a refused signup")
  void passwordsAreNotRenderedBack() {
    String secret = "never-shown-" + UUID.randomUUID();
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/login?lang=en");
      browser.type("login:email", newEmail()).type("login:password", secret).click("login:submit");
      assertTrue(
          browser.pageText().contains("The e-mail or the password is wrong."), "the login failed");
      assertEquals(
          "", browser.attribute("[id='login:password']", "value"), "the password field is empty");
      assertFalse(
          browser.driver().getPageSource().contains(secret), "the password is nowhere in the page");

      browser.open("/auth/login?firstLogin=true&lang=en");
      browser
          .type("signup:firstName", "Ada")
          .type("signup:email", newEmail())
          .type("signup:password", secret)
          .click("signup:submit");
      assertTrue(browser.has("signup:submit"), "the signup was refused (terms not accepted)");
      assertEquals(
          "", browser.attribute("[id='signup:password']", "value"), "the password field is empty");
      assertFalse(
          browser.driver().getPageSource().contains(secret), "the password is nowhere in the page");
    }
  }

  private static String newEmail() {
    return "screen-" + UUID.randomUUID() + "@example.com";
  }

  private static void signUp(Browser browser, String email) {
    Traders.signUp(browser, "/auth/login?firstLogin=true&lang=en", email, false);
  }

  /** A trader with a linked account, so that a login ends on the success URL. */
  private void registered(String email) {
    try (Browser browser = new Browser(ctrader.base())) {
      signUp(browser, email);
      Traders.createAccount(browser);
      assertEquals("/callback/success", browser.url().getPath(), "registered");
    }
  }

  /** A form of a page: where it posts and its hidden fields (view state, form token, form id). */
  record Form(String action, Map<String, String> fields) {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");

    static Form in(String html, String id) {
      Matcher form =
          Pattern.compile("<form\\b[^>]*\\bid=\"" + id + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
              .matcher(html);
      assertTrue(form.find(), "the page has the form " + id);
      Matcher action = ACTION.matcher(form.group());
      assertTrue(action.find(), "the form " + id + " has an action");
      Map<String, String> hidden = new LinkedHashMap<>();
      Matcher input = INPUT.matcher(form.group(1));
      while (input.find()) {
        Matcher name = NAME.matcher(input.group());
        Matcher value = VALUE.matcher(input.group());
        if (input.group().contains("type=\"hidden\"") && name.find()) {
          hidden.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
        }
      }
      return new Form(unescape(action.group(1)), hidden);
    }

    private static String unescape(String html) {
      return html.replace("&quot;", "\"")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&amp;", "&");
    }
  }

  /**
   * Plain HTTP to the screens, following no redirect, keeping the product's cookies (session and
   * form) by hand: java.net's CookieManager would not send a Secure cookie back to
   * http://localhost.
   */
  static final class ScreenClient {

    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> setCookies = new HashMap<>();
    private String page = "";

    ScreenClient(URI base) {
      this.base = base;
    }

    HttpResponse<String> get(String path) {
      return send(request(path).GET());
    }

    Form form(String path, String id) {
      HttpResponse<String> page = get(path);
      assertEquals(200, page.statusCode(), path);
      return Form.in(page.body(), id);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
      String body =
          fields.entrySet().stream()
              .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
              .collect(Collectors.joining("&"));
      return send(
          request(path)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpRequest.Builder request(String path) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(Duration.ofSeconds(60));
      return cookies.isEmpty()
          ? request
          : request.header(
              "Cookie",
              cookies.entrySet().stream()
                  .map(c -> c.getKey() + "=" + c.getValue())
                  .collect(Collectors.joining("; ")));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
          String pair = set.split(";", 2)[0];
          String name = pair.split("=", 2)[0];
          if (name.startsWith("__Host-BROKER_SSO_")
              || name.startsWith("BROKER_SSO_")
              || name.equals("JSESSIONIDVERSION")) { // Payara's, beside a replicated session
            cookies.put(name, pair.substring(name.length() + 1));
            setCookies.put(name.replace("__Host-", ""), set);
          }
        }
        page = response.body();
        return response;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** The whole Set-Cookie header last received for the cookie named {@code name}, any prefix. */
    String lastSetCookie(String name) {
      String cookie = setCookies.get(name);
      assertNotNull(cookie, "a " + name + " cookie was set: " + setCookies);
      return cookie;
    }

    /** The body of the last answer. */
    String page() {
      return page;
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
