package org.brokersso.screen.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.brokersso.Axe;
import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.brokersso.InAppTrader;
import org.brokersso.TestMailbox;
import org.brokersso.Traders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The screens as every trader must be able to perceive and use them (issue 14, WCAG 2.2 AA):
 * axe-core over every screen and every form's failed post, in one browser walking them all; then
 * what axe cannot judge by itself: errors tied to their fields and announced, rules stated before
 * typing, the pages' frame (landmarks, icon, description, compressed and versioned stylesheet),
 * field borders' contrast, the legal notice's language and the documents' links.
 */
@Tag(Browser.TAG)
class ScreenAccessibilityIT extends ContractIT {

  /** Violations per screen, reported together at the end so one run shows them all. */
  private final Map<String, List<String>> violations = new LinkedHashMap<>();

  private void check(Browser browser, String screen) {
    List<String> found = Axe.violations(browser);
    if (!found.isEmpty()) {
      violations.put(
          screen + " (" + browser.url().getPath() + ", \"" + browser.driver().getTitle() + "\")",
          found);
    }
  }

  private void post(Browser browser, String screen, String submit) {
    browser.click(submit);
    assertTrue(browser.has("error-summary"), screen + ": the failed post shows the error summary");
    check(browser, screen + ", failed post");
  }

  @Test
  @DisplayName(
      "axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any screen, nor after a failed post of any form")
  void everyScreenAndErrorState() {
    String email = Traders.newEmail();
    try (Browser browser = new Browser(ctrader.base())) {
      anonymousScreens(browser);
      Traders.submitSignup(browser, "/auth/signup?lang=en", email, false);
      check(browser, "confirm");
      browser.type("confirm:code", "000000");
      post(browser, "confirm", "confirm:submit");
      Traders.enterCode(browser, email);
      check(browser, "account create");
      List<Integer> leverages =
          browser
              .driver()
              .findElements(By.cssSelector("select[id='account:leverage'] option"))
              .stream()
              .map(o -> Integer.valueOf(o.getAttribute("value")))
              .toList();
      assertEquals(
          leverages.stream().sorted().toList(),
          leverages,
          "the leverages are listed smallest first");
      post(browser, "account create", "account:submit"); // the client agreement not accepted
      Traders.createAccount(browser);
      JsonObject session =
          ctrader.exchange(crmApiToken, browser.queryParameter("token")).expect(200).json();
      check(browser, "success");
      clientArea(browser);
      long login = Long.parseLong(browser.texts("tr.account td.login").get(0));
      InAppTrader trader =
          new InAppTrader(
              session.getJsonNumber("userId").longValue(), session.getString("inappToken"), login);
      inAppScreens(browser, trader);
      passwordReset(browser, email);
    }
    assertTrue(
        violations.isEmpty(),
        () ->
            "axe-core violations:\n"
                + violations.entrySet().stream()
                    .map(e -> e.getKey() + ":\n  " + String.join("\n  ", e.getValue()))
                    .collect(Collectors.joining("\n")));
  }

  private void anonymousScreens(Browser browser) {
    for (String lang : List.of("en", "ar")) {
      browser.open("/auth/signup?lang=" + lang);
      check(browser, "signup " + lang);
      post(browser, "signup " + lang, "signup:submit");
    }
    browser.open("/auth/login?lang=en");
    check(browser, "login");
    post(browser, "login", "login:submit");
    browser.open("/auth/login?lang=es&theme=dark");
    check(browser, "login, dark");
    post(browser, "login, dark", "login:submit");
    browser.open("/auth/forgot?lang=en");
    check(browser, "forgot");
    browser.type("forgot:email", "not-an-address");
    post(browser, "forgot", "forgot:submit");
    browser.open("/auth/reset?token=pr_" + "A".repeat(43));
    check(browser, "reset, unusable link");
    for (String page : List.of("/screen/error", "/screen/expired")) {
      browser.open(page + "?lang=en");
      check(browser, page);
    }
    browser.open("/inapp/deposit?lang=en");
    assertTrue(browser.has("refused"), "an InApp screen without its token is refused");
    check(browser, "inapp refused");
  }

  private void clientArea(Browser browser) {
    for (String page : List.of("accounts", "partner", "web")) {
      browser.open("/client/" + page + "?lang=en");
      check(browser, "client " + page);
    }
    browser.open("/client/password?lang=en");
    check(browser, "client password");
    assertEquals(
        "username",
        browser.attribute("#username", "autocomplete"),
        "change password tells password managers whose password it is");
    post(browser, "client password", "password:submit");
    browser.open("/client/email?lang=en");
    check(browser, "client email");
    browser.type("emailChange:email", "not-an-address");
    post(browser, "client email", "emailChange:submit");
    browser.open("/client/accounts?lang=en");
  }

  private void inAppScreens(Browser browser, InAppTrader trader) {
    for (String screen : List.of("deposit", "withdraw")) {
      open(browser, trader, screen);
      check(browser, "inapp " + screen);
      browser.type(screen + ":amount", "abc");
      post(browser, "inapp " + screen, screen + ":submit");
    }
    // the review before money moves, and the receipt after it
    open(browser, trader, "deposit");
    browser.type("deposit:amount", "100");
    browser.click("deposit:submit");
    assertTrue(browser.has("review:confirm"), "the deposit is reviewed before it moves");
    check(browser, "inapp deposit review");
    browser.click("review:confirm");
    assertTrue(browser.has("receipt-reference"), "the done page is the receipt");
    check(browser, "inapp deposit receipt");
    for (String screen : List.of("kyc", "chat", "action")) {
      open(browser, trader, screen);
      check(browser, "inapp " + screen);
    }
    browser.click("close");
    assertTrue(browser.has("done"), "the close control ends on the done page");
    check(browser, "inapp done");
  }

  private void open(Browser browser, InAppTrader trader, String screen) {
    browser.open(
        "/inapp/"
            + screen
            + "?token="
            + trader.inAppToken(ctrader, crmApiToken)
            + "&account="
            + trader.login()
            + "&lang=en");
  }

  private void passwordReset(Browser browser, String email) {
    browser.open("/auth/forgot?lang=en");
    browser.type("forgot:email", email).click("forgot:submit");
    check(browser, "forgot, sent");
    browser.open(TestMailbox.resetLink(email));
    check(browser, "reset");
    assertEquals(email, browser.attribute("#username", "value"), "the reset form names the trader");
    assertEquals("username", browser.attribute("#username", "autocomplete"));
    browser.type("reset:password", "short");
    post(browser, "reset", "reset:submit");
  }

  @Test
  @DisplayName(
      "a failed signup: focus on the announced summary, the count in the title, each error tied to its field, in field order, in the screen's language; the rule before typing; no browser validation")
  void errorsTiedToFields() {
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/signup?lang=en");
      assertTrue(
          browser.attribute("form#signup", "novalidate") != null,
          "novalidate: no browser message in another language");
      assertEquals(
          "signup:password-hint",
          browser.attribute("[id='signup:password']", "aria-describedby"),
          "the password rule is tied to the field before anything is typed");
      assertEquals("At least 10 characters.", browser.text("signup:password-hint"));
      assertTrue(
          precedes(browser, "signup:password-hint", "signup:password"),
          "and stated before the field");
      browser.type("signup:email", "not-an-address").type("signup:password", "short");
      browser.click("signup:submit");

      assertEquals(
          "error-summary",
          browser.script("return document.activeElement.id"),
          "focus is on the error summary");
      assertEquals("alert", browser.attribute("#error-summary", "role"));
      assertTrue(
          browser.driver().getTitle().startsWith("Error: 4 problems · "),
          browser.driver().getTitle());
      List<String> links = new ArrayList<>();
      for (WebElement link : browser.driver().findElements(By.cssSelector("#error-summary li a"))) {
        links.add(link.getAttribute("href").replaceFirst(".*#", "#"));
      }
      assertEquals(
          List.of("#signup:firstName", "#signup:email", "#signup:password", "#signup:terms"),
          links,
          "the summary lists the errors in the fields' order, each linking to its field");
      for (String field : List.of("firstName", "email", "password", "terms")) {
        String id = "signup:" + field;
        assertEquals("true", browser.attribute("[id='" + id + "']", "aria-invalid"), id);
        String describedBy = browser.attribute("[id='" + id + "']", "aria-describedby");
        assertTrue(describedBy.endsWith(id + "-error"), id + " described by " + describedBy);
        assertTrue(!browser.text(id + "-error").isBlank(), id + " has its message beside it");
      }
      assertEquals(
          "signup:password-hint signup:password-error",
          browser.attribute("[id='signup:password']", "aria-describedby"));
      assertEquals(
          "ltr", browser.attribute("[id='signup:email']", "dir"), "an address reads left to right");

      browser.open("/auth/signup?lang=ar");
      browser.type("signup:email", "x");
      browser.click("signup:submit");
      assertTrue(browser.driver().getTitle().startsWith("خطأ: "), browser.driver().getTitle());
      String summary = browser.text("error-summary");
      assertTrue(
          summary.codePoints().filter(c -> c >= 'A' && c <= 'z').count() == 0,
          "every message in Arabic: " + summary);
      browser.screenshots("signup-error-ar");
    }
  }

  private static boolean precedes(Browser browser, String first, String second) {
    Object following =
        browser
            .driver()
            .executeScript(
                "return document.getElementById(arguments[0])"
                    + ".compareDocumentPosition(document.getElementById(arguments[1]))"
                    + " & Node.DOCUMENT_POSITION_FOLLOWING",
                first,
                second);
    return ((Number) following).intValue() != 0;
  }

  @Test
  @DisplayName(
      "the frame of every screen: main, a labelled sandbox region, description and noindex, an icon (no 404), a versioned gzip stylesheet kept a year, field borders at 3:1 in both themes, the legal notice's language, documents in a new tab")
  void frameOfEveryScreen() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/signup?lang=es");
      assertTrue(browser.has("main"), "a <main> landmark");
      assertEquals("main", browser.driver().findElement(By.id("main")).getTagName());
      assertEquals("section", browser.driver().findElement(By.id("sandbox-banner")).getTagName());
      assertTrue(
          !browser.attribute("#sandbox-banner", "aria-label").isBlank(),
          "the banner is a labelled region, reached by landmark navigation");
      assertTrue(!browser.attribute("meta[name=description]", "content").isBlank());
      assertTrue(browser.attribute("meta[name=robots]", "content").contains("noindex"));
      assertEquals(
          "en", browser.attribute("#legal-notice", "lang"), "the English notice is marked English");
      assertEquals("es", browser.attribute("html", "lang"));
      List<WebElement> documents = browser.driver().findElements(By.cssSelector("a.document"));
      assertEquals(2, documents.size(), "terms and privacy policy are linked");
      for (WebElement document : documents) {
        assertEquals("_blank", document.getAttribute("target"));
        assertTrue(document.getAttribute("rel").contains("noopener"));
        assertTrue(document.getText().contains("se abre en una pestaña nueva"), document.getText());
      }
      assertEquals("https://broker.example/legal/terms", documents.get(0).getAttribute("href"));

      HttpResponse<byte[]> icon =
          get(http, URI.create(browser.attribute("link[rel=icon]", "href")), false);
      assertEquals(200, icon.statusCode(), "the icon the page names");
      assertEquals(
          200,
          get(http, ctrader.base().resolve("/favicon.ico"), false).statusCode(),
          "and where browsers look first");

      String stylesheet = browser.attribute("link[rel=stylesheet]", "href");
      assertTrue(stylesheet.matches(".*/assets/screens\\.css\\?v=[0-9a-f]{12}"), stylesheet);
      HttpResponse<byte[]> packed = get(http, URI.create(stylesheet), true);
      assertEquals(200, packed.statusCode());
      assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElse(null));
      assertTrue(
          packed.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"),
          packed.headers().toString());
      String css =
          new String(
              new GZIPInputStream(new ByteArrayInputStream(packed.body())).readAllBytes(),
              StandardCharsets.UTF_8);
      HttpResponse<byte[]> plain = get(http, URI.create(stylesheet), false);
      assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
      assertEquals(css, new String(plain.body(), StandardCharsets.UTF_8));
      assertTrue(packed.body().length < plain.body().length / 2, "compressed");

      for (String theme : List.of("light", "dark")) {
        browser.open("/auth/login?lang=en&theme=" + theme);
        String border =
            browser.driver().findElement(By.id("login:email")).getCssValue("border-top-color");
        for (String ground :
            List.of(
                browser.driver().findElement(By.id("main")).getCssValue("background-color"),
                browser
                    .driver()
                    .findElement(By.id("login:email"))
                    .getCssValue("background-color"))) {
          double ratio = Browser.contrast(border, ground);
          assertTrue(
              ratio >= 3, theme + ": field border " + border + " on " + ground + " is " + ratio);
        }
      }
    }
  }

  private static HttpResponse<byte[]> get(HttpClient http, URI uri, boolean gzip)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (gzip) {
      request.header("Accept-Encoding", "gzip, deflate, br");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
