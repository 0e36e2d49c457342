package org.brokersso.screen.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.brokersso.AuditRows;
import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.brokersso.TestMailbox;
import org.brokersso.Traders;
import org.brokersso.screen.boundary.ScreenSecurityIT.Form;
import org.brokersso.screen.boundary.ScreenSecurityIT.ScreenClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a screen refuses to a guesser or a hostile page: the client area's current-password check
 * behind the login throttle, the throttle's "wait N seconds" that is enough to obey, a form action
 * run by a GET, and a partner changed by a later (cross-site) link. Over plain HTTP, as an attacker
 * would send it; traders are registered in headless Chromium.
 */
@Tag(Browser.TAG)
class ScreenMisuseIT extends ContractIT {

  private static final String WRONG_PASSWORD = "The e-mail or the password is wrong.";
  private static final String WRONG_CURRENT = "The current password is wrong.";
  private static final Pattern WAIT = Pattern.compile("Please wait (\\d+) seconds");

  /**
   * Every wrong password here also counts against the tests' one client address (127.0.0.1, whose
   * free failures the whole run shares): moving the clock past {@code user.login.failure-window}
   * forgets them, so later tests start from the same allowance.
   */
  @AfterEach
  void forgetTheFailures() {
    ctrader.advanceServerClock(Duration.ofMinutes(16));
  }

  @Test
  @DisplayName(
      "the client area's current-password check (password and e-mail changes) is behind the login throttle: after 5 free wrong answers even the right one is refused until the wait ends")
  void currentPasswordIsThrottled() {
    String email = Traders.newEmail();
    Traders.registered(ctrader, email);
    ScreenClient client = signedIn(email);
    Form emailForm = client.form("/client/email?lang=en", "emailChange");
    Form change = client.form("/client/password?lang=en", "password");
    // wrong answers as a patient guesser sends them (each once the wait allows), until the wait is
    // 8 s: long enough that the right answers below surely fall within it on a busy machine
    int checked = 0;
    for (int attempt = 1; checked < 9 && attempt <= 20; attempt++) {
      HttpResponse<String> wrong =
          client.post(change.action(), passwordFields(change, "wrong answer " + attempt));
      assertEquals(200, wrong.statusCode(), "attempt " + attempt + " stays on the form");
      if (wrong.body().contains(WRONG_CURRENT)) {
        checked++;
      } else {
        ctrader.advanceServerClock(Duration.ofSeconds(waitIn(wrong.body())));
      }
      change = Form.in(wrong.body(), "password");
    }
    assertEquals(9, checked, "nine wrong answers were checked");

    Map<String, String> emailFields = new LinkedHashMap<>(emailForm.fields());
    emailFields.put("emailChange:email", Traders.newEmail());
    emailFields.put("emailChange:password", Traders.PASSWORD);
    emailFields.put("emailChange:submit", "Save");
    HttpResponse<String> emailThrottled = client.post(emailForm.action(), emailFields);
    assertEquals(200, emailThrottled.statusCode(), "the e-mail change asks the same throttle");
    int seconds = waitIn(emailThrottled.body());
    HttpResponse<String> throttled =
        client.post(change.action(), passwordFields(change, Traders.PASSWORD));
    assertEquals(200, throttled.statusCode(), "the right answer during the wait changes nothing");
    seconds = Math.max(seconds, waitIn(throttled.body()));
    change = Form.in(throttled.body(), "password");

    ctrader.advanceServerClock(Duration.ofSeconds(seconds));
    HttpResponse<String> changed =
        client.post(change.action(), passwordFields(change, Traders.PASSWORD));
    assertEquals(302, changed.statusCode(), "after the wait the right answer works");
    assertTrue(
        changed.headers().firstValue("Location").orElse("").contains("/client/accounts"),
        "and the password is changed");
  }

  @Test
  @DisplayName(
      "the login throttle's \"wait N seconds\" is rounded up: obeying it to the second lets the right password in")
  void displayedWaitIsEnough() {
    String email = Traders.newEmail();
    Traders.registered(ctrader, email);
    ScreenClient client = new ScreenClient(ctrader.base());
    Form login = client.form("/auth/login?lang=en", "login");
    // wrong passwords, each once the wait allows, until 9 were checked: the wait is then 8 s
    int checked = 0;
    for (int attempt = 1; checked < 9 && attempt <= 20; attempt++) {
      HttpResponse<String> wrong =
          client.post(login.action(), loginFields(login, email, "wrong password " + attempt));
      if (wrong.body().contains(WRONG_PASSWORD)) {
        checked++;
      } else {
        ctrader.advanceServerClock(Duration.ofSeconds(waitIn(wrong.body())));
      }
      login = Form.in(wrong.body(), "login");
    }
    assertEquals(9, checked, "nine wrong passwords were checked");
    // a moment of the 8 s has passed: the screen must say 8, not 7
    HttpResponse<String> throttled =
        client.post(login.action(), loginFields(login, email, Traders.PASSWORD));
    int seconds = waitIn(throttled.body());
    login = Form.in(throttled.body(), "login");

    ctrader.advanceServerClock(Duration.ofSeconds(seconds));
    HttpResponse<String> admitted =
        client.post(login.action(), loginFields(login, email, Traders.PASSWORD));
    assertEquals(
        302,
        admitted.statusCode(),
        "waiting the " + seconds + " s the screen named is enough: " + admitted.body());
  }

  @Test
  @DisplayName(
      "a GET (or HEAD) carrying jakarta.faces.ViewState runs no form action: 403 and the expired page, also through the broker's login address")
  void getWithViewStateRunsNoAction() {
    for (String page : new String[] {"/auth/signup", "/Trader/Logon"}) {
      // the login address is only a GET (LoginAddress); a HEAD there is not a screen at all (404)
      for (String method :
          page.startsWith("/Trader") ? new String[] {"GET"} : new String[] {"GET", "HEAD"}) {
        ScreenClient client = new ScreenClient(ctrader.base());
        Form signup = client.form("/auth/login?firstLogin=true&lang=en", "signup");
        assertTrue(signup.fields().containsKey("jakarta.faces.ViewState"), "a view state to send");
        String email = Traders.newEmail();
        String target =
            page
                + "?"
                + (page.startsWith("/Trader") ? "firstLogin=true&" : "")
                + query(signupFields(signup, email));
        HttpResponse<String> answer =
            client.send(client.request(target).method(method, HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, answer.statusCode(), method + " " + page + ": " + answer.headers());
        assertFalse(
            answer.headers().firstValue("Location").isPresent(), "not sent on to the next step");
        if (method.equals("GET")) {
          assertTrue(answer.body().contains("id=\"expired\""), "the \"page expired\" screen");
        }
        assertTrue(
            TestMailbox.mailsTo(email).isEmpty(), "the refused " + method + " mailed nothing");
        Form again = client.form("/auth/login?firstLogin=true&lang=en", "signup");
        HttpResponse<String> posted = client.post(again.action(), signupFields(again, email));
        assertTrue(
            posted.headers().firstValue("Location").orElse("").contains("/auth/confirm"),
            "the form itself still works: " + posted.body());
        // a code, not the "someone tried your address" mail: the refused request signed nobody up
        assertEquals(6, TestMailbox.signupCode(email).length());
      }
    }
  }

  @Test
  @DisplayName(
      "the partner of the link that began the signup wins: a later link with another partnerId (a cross-site page's) changes nothing")
  void firstPartnerWins() {
    String first = "IB-FIRST-" + UUID.randomUUID().toString().substring(0, 8);
    String later = "IB-LATER-" + UUID.randomUUID().toString().substring(0, 8);
    ScreenClient client = new ScreenClient(ctrader.base());
    assertEquals(200, client.get("/auth/login?firstLogin=true&partnerId=" + first).statusCode());
    HttpResponse<String> crossSite =
        client.send(
            client
                .request("/auth/login?firstLogin=true&partnerId=" + later)
                .header("Sec-Fetch-Site", "cross-site")
                .GET());
    assertEquals(200, crossSite.statusCode());
    Form signup = client.form("/auth/login?firstLogin=true&lang=en&partnerId=" + later, "signup");
    String email = Traders.newEmail();
    HttpResponse<String> signedUp = client.post(signup.action(), signupFields(signup, email));
    assertEquals(302, signedUp.statusCode(), "signed up: " + signedUp.body());
    Form confirm = client.form("/auth/confirm?lang=en", "confirm");
    Map<String, String> code = new LinkedHashMap<>(confirm.fields());
    code.put("confirm:code", TestMailbox.signupCode(email));
    code.put("confirm:submit", "Confirm");
    assertEquals(302, client.post(confirm.action(), code).statusCode(), "the address confirmed");
    assertEquals(1, AuditRows.countWithDetail("USER_SIGNUP", "SUCCESS", "partner " + first));
    assertEquals(0, AuditRows.countWithDetail("USER_SIGNUP", "SUCCESS", "partner " + later));
  }

  /** A session signed in through the login form, over HTTP. */
  private ScreenClient signedIn(String email) {
    ScreenClient client = new ScreenClient(ctrader.base());
    Form login = client.form("/auth/login?lang=en", "login");
    HttpResponse<String> admitted =
        client.post(login.action(), loginFields(login, email, Traders.PASSWORD));
    assertEquals(302, admitted.statusCode(), "logged in: " + admitted.body());
    return client;
  }

  private static int waitIn(String page) {
    Matcher wait = WAIT.matcher(page);
    assertTrue(wait.find(), "the trader is told how long to wait");
    return Integer.parseInt(wait.group(1));
  }

  private static Map<String, String> passwordFields(Form form, String current) {
    Map<String, String> fields = new LinkedHashMap<>(form.fields());
    fields.put("password:current", current);
    fields.put("password:replacement", "a brand new horse battery");
    fields.put("password:submit", "Save");
    return fields;
  }

  private static Map<String, String> loginFields(Form form, String email, String password) {
    Map<String, String> fields = new LinkedHashMap<>(form.fields());
    fields.put("login:email", email);
    fields.put("login:password", password);
    fields.put("login:submit", "Log in");
    return fields;
  }

  private static Map<String, String> signupFields(Form form, String email) {
    Map<String, String> fields = new LinkedHashMap<>(form.fields());
    fields.put("signup:firstName", "Ada");
    fields.put("signup:email", email);
    fields.put("signup:password", Traders.PASSWORD);
    fields.put("signup:terms", "on");
    fields.put("signup:submit", "Sign up");
    return fields;
  }

  private static String query(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
