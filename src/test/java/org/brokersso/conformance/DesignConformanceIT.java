package org.brokersso.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.brokersso.Browser;
import org.brokersso.Browser.Viewport;
import org.brokersso.ContractIT;
import org.brokersso.Traders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Spotware's design tests (§7.2, 6.2.x) and the UX rules checked with them (§7.4), in headless
 * Chromium against the WAR in sandbox mode: language, theme, firstLogin, "Reset password", every
 * screen at phone, 4:3 and desktop size (screenshots under target/screenshots for a person to look
 * at, written before the checks so that a failure leaves its picture), and the parameters a flow
 * carries from step to step (§5.3, §6.10).
 */
@Tag(Browser.TAG)
class DesignConformanceIT extends ContractIT {

  private static final String LOGIN_EN = "Log in";
  private static final String LOGIN_ES = "Iniciar sesión";
  private static final String LOGIN_AR = "تسجيل الدخول";
  private static final String SIGNUP_EN = "Create your account";
  private static final String SIGNUP_ES = "Cree su cuenta";

  /** Other trading platforms, which §7.4 forbids mentioning. */
  private static final Pattern OTHER_PLATFORMS =
      Pattern.compile("(?i)metatrader|\\bmt[45]\\b|tradingview|ninjatrader");

  @Test
  @DisplayName(
      "6.2.3 lang: en shows English, es Spanish, ar Arabic right to left, xx and de the broker's default (English); the links between the forms keep lang")
  void language() {
    try (Browser browser = new Browser(ctrader.base())) {
      showsLanguage(browser, "en", LOGIN_EN, "en", "ltr");
      showsLanguage(browser, "es", LOGIN_ES, "es", "ltr");
      showsLanguage(browser, "ar", LOGIN_AR, "ar", "rtl");
      showsLanguage(browser, "xx", LOGIN_EN, "en", "ltr");
      showsLanguage(browser, "de", LOGIN_EN, "en", "ltr");
    }
  }

  /**
   * Opens the login form with {@code ?lang=requested}, checks it, then follows the link to signup
   * and back.
   */
  private static void showsLanguage(
      Browser browser, String requested, String heading, String lang, String dir) {
    browser.open("/auth/login?lang=" + requested);
    assertEquals(heading, heading(browser), "the login heading for lang=" + requested);
    assertEquals(lang, browser.attribute("html", "lang"), "<html lang> for lang=" + requested);
    assertEquals(dir, browser.attribute("html", "dir"), "<html dir> for lang=" + requested);
    browser.click("to-signup");
    assertTrue(browser.has("signup:submit"), "the link leads to the signup form");
    assertEquals(
        requested, browser.queryParameter("lang"), "the link to signup carries the requested lang");
    assertEquals(
        lang, browser.attribute("html", "lang"), "the signup form is in the same language");
    browser.click("to-login");
    assertEquals(
        requested,
        browser.queryParameter("lang"),
        "the link back to login carries the requested lang");
    assertEquals(heading, heading(browser));
  }

  @Test
  @DisplayName(
      "6.2.4 theme: light then dark; the body's class and computed colours follow, and the dark UI is dark")
  void theme() {
    try (Browser browser = new Browser(ctrader.base())) {
      for (String form : List.of("/auth/login?firstLogin=false", "/auth/login?firstLogin=true")) {
        browser.open(form + "&theme=light");
        String light = showsTheme(browser, "light");
        browser.open(form + "&theme=dark");
        String dark = showsTheme(browser, "dark");
        assertNotEquals(light, dark, "light and dark backgrounds differ on " + form);
      }
    }
  }

  /**
   * Checks the body's theme class and that background and text are light on dark or dark on light
   * (relative luminance, WCAG); answers the computed background colour.
   */
  private static String showsTheme(Browser browser, String theme) {
    assertTrue(
        bodyClasses(browser).contains("theme-" + theme),
        "body class theme-" + theme + ": " + bodyClasses(browser));
    String background = browser.bodyStyle("background-color");
    double ground = Browser.luminance(background);
    double text = Browser.luminance(browser.bodyStyle("color"));
    if (theme.equals("dark")) {
      assertTrue(
          ground < 0.1 && text > 0.5,
          "dark: light text on a dark ground, not "
              + browser.bodyStyle("color")
              + " on "
              + background);
    } else {
      assertTrue(
          ground > 0.8 && text < 0.2,
          "light: dark text on a light ground, not "
              + browser.bodyStyle("color")
              + " on "
              + background);
    }
    return background;
  }

  @Test
  @DisplayName(
      "6.2.5 firstLogin=true shows the signup form; false or absent the login form, with a link to signup but no signup fields")
  void firstLogin() {
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/login?firstLogin=true&lang=en");
      assertTrue(
          browser.has("signup:firstName")
              && browser.has("signup:terms")
              && browser.has("signup:submit"),
          "the signup form");
      assertFalse(browser.has("login:submit"), "and no login form");
      assertEquals(SIGNUP_EN, heading(browser));
      assertEquals("/auth/login", browser.url().getPath(), "on the one URL cTrader opened");
      for (String url : List.of("/auth/login?firstLogin=false&lang=en", "/auth/login?lang=en")) {
        browser.open(url);
        assertTrue(
            browser.has("login:email")
                && browser.has("login:password")
                && browser.has("login:submit"),
            "the login form at " + url);
        assertFalse(
            browser.has("signup:submit")
                || browser.has("signup:firstName")
                || browser.has("signup:terms"),
            "no signup form at " + url);
        assertEquals(LOGIN_EN, heading(browser));
        assertTrue(browser.has("to-signup"), "a link to signup at " + url);
      }
    }
  }

  @Test
  @DisplayName(
      "6.2.6 several parameters at once: lang=en&theme=dark, then lang=es&theme=light, on login and signup")
  void severalParametersAtOnce() {
    try (Browser browser = new Browser(ctrader.base())) {
      followsBoth(browser, "/auth/login?lang=en&theme=dark", LOGIN_EN, "dark");
      followsBoth(browser, "/auth/login?lang=es&theme=light", LOGIN_ES, "light");
      followsBoth(browser, "/auth/login?firstLogin=true&lang=en&theme=dark", SIGNUP_EN, "dark");
      followsBoth(browser, "/auth/login?firstLogin=true&lang=es&theme=light", SIGNUP_ES, "light");
    }
  }

  private static void followsBoth(Browser browser, String url, String heading, String theme) {
    browser.open(url);
    assertEquals(heading, heading(browser), "the language of " + url);
    showsTheme(browser, theme);
  }

  @Test
  @DisplayName("6.2.7 the login form shows \"Reset password\", and it leads to the reset form")
  void resetPasswordOnTheLoginForm() {
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/login?lang=en&theme=dark");
      var link = browser.driver().findElement(By.id("forgot"));
      assertTrue(link.isDisplayed(), "visible");
      assertEquals("Reset password", link.getText());
      browser.click("forgot");
      assertEquals("/auth/forgot", browser.url().getPath());
      assertTrue(
          browser.has("forgot:email") && browser.has("forgot:submit"),
          "the reset form asks for the e-mail address");
      assertEquals("dark", browser.queryParameter("theme"), "in the same theme");
    }
  }

  @Test
  @DisplayName(
      "6.2.1 / 6.2.2 / 7.4 every screen through its stages fits phone, 4:3 and desktop, shows the sandbox banner, says neither \"cTrader ID\" nor another platform")
  void everyScreenAtEverySize() {
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/login?lang=en&theme=light&source=Web");
      looksRight(browser, "login");
      browser.open("/auth/forgot");
      looksRight(browser, "forgot");
      browser.open("/auth/login?firstLogin=true");
      browser.click("signup:submit");
      assertTrue(
          browser.texts("#messages li").size() >= 3,
          "an empty signup is answered with its problems");
      looksRight(browser, "signup-errors");
      browser.open("/auth/login?firstLogin=true");
      looksRight(browser, "signup");
      String email = Traders.newEmail();
      Traders.submitSignup(browser, "/auth/login?firstLogin=true", email, false);
      assertEquals("/auth/confirm", browser.url().getPath());
      looksRight(browser, "signup-confirm");
      Traders.enterCode(browser, email);
      assertEquals("/account/create", browser.url().getPath());
      looksRight(browser, "account-create");
      Traders.createAccount(browser);
      assertEquals("/callback/success", browser.url().getPath());
      looksRight(browser, "callback-success");
      for (String page : List.of("accounts", "password", "email", "partner")) {
        browser.open("/client/" + page);
        assertEquals(
            "/client/" + page,
            browser.url().getPath(),
            "the signed-in trader reaches the client area");
        assertTrue(
            browser.has("nav-" + page),
            "/client/" + page + " shows the client area, not " + browser.driver().getTitle());
        looksRight(browser, "client-" + page);
      }
      browser.click("join:submit");
      assertTrue(browser.has("referral-link"), "the trader became a partner, with a referral link");
      looksRight(browser, "client-partner-joined");
      browser.open("/screen/expired");
      looksRight(browser, "expired");
    }
  }

  @Test
  @DisplayName(
      "6.2.1 / 6.2.2 the login screen in the dark theme and in Arabic (right to left) fits phone, 4:3 and desktop")
  void loginDarkAndArabic() {
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/login?lang=en&theme=dark");
      looksRight(browser, "login-dark");
      browser.open("/auth/login?lang=ar&theme=light");
      assertEquals("rtl", browser.attribute("html", "dir"));
      looksRight(browser, "login-ar");
      browser.open("/auth/login?firstLogin=true&lang=ar&theme=dark");
      looksRight(browser, "signup-ar-dark");
    }
  }

  /**
   * 6.2.1/6.2.2 and §7.4 on the page shown, after its screenshots: at every size nothing sticks out
   * sideways; the sandbox banner is there; no "cTrader ID" and no other platform in the page.
   */
  private static void looksRight(Browser browser, String screen) {
    browser.screenshots(screen);
    for (Viewport viewport : Viewport.values()) {
      browser.resize(viewport);
      fits(
          browser,
          screen + " (" + viewport + ")",
          viewport == Viewport.PHONE ? 400 : Integer.MAX_VALUE);
    }
    browser.driver().manage().window().setSize(new Dimension(1024, 768));
    fits(browser, screen + " (4:3)", Integer.MAX_VALUE);
    browser.resize(Viewport.DESKTOP);
    assertTrue(
        browser.driver().findElement(By.id("sandbox-banner")).isDisplayed(),
        screen + ": the sandbox banner shows");
    String text = browser.pageText() + " " + browser.driver().getTitle();
    assertFalse(
        browser.driver().getPageSource().toLowerCase(Locale.ROOT).contains("ctrader id"),
        screen + " mentions cTrader ID");
    assertFalse(
        OTHER_PLATFORMS.matcher(text).find(), screen + " mentions another platform: " + text);
  }

  /**
   * No horizontal overflow: the page is no wider than the window, which is at most {@code widest}
   * px.
   */
  private static void fits(Browser browser, String what, int widest) {
    long window = number(browser.script("return window.innerWidth"));
    long page = number(browser.script("return document.documentElement.scrollWidth"));
    assertTrue(
        window <= widest,
        what + ": the window is " + window + " px wide, so the size was not applied");
    assertTrue(
        page <= window,
        what
            + " overflows sideways: "
            + page
            + " px in a "
            + window
            + " px window, by "
            + outside(browser));
  }

  /**
   * The innermost elements that reach past the window's right or left edge, for the failure
   * message.
   */
  private static Object outside(Browser browser) {
    return browser.script(
        "return [...document.body.querySelectorAll('*')].filter(e => { const r = e.getBoundingClientRect();"
            + " return (r.right > window.innerWidth + 1 || r.left < -1) && ![...e.children].some(c => {"
            + " const q = c.getBoundingClientRect(); return q.right > window.innerWidth + 1 || q.left < -1; }); })"
            + ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')"
            + " + ' ' + Math.round(e.getBoundingClientRect().width) + 'px')");
  }

  @Test
  @DisplayName(
      "7.4 login and signup have no chat button, no script that could pop up or load one, and show the sandbox banner")
  void nothingSuperfluousOnLoginAndSignup() {
    try (Browser browser = new Browser(ctrader.base())) {
      for (String form : List.of("/auth/login?lang=en", "/auth/login?firstLogin=true&lang=en")) {
        browser.open(form);
        long chats =
            number(
                browser.script(
                    "return document.querySelectorAll('[id*=chat i], [class*=chat i], [href*=chat i], [name*=chat i], iframe').length"));
        assertEquals(0, chats, "no chat element on " + form);
        assertEquals(
            0, number(browser.script("return document.scripts.length")), "no script on " + form);
        assertTrue(
            browser.driver().findElement(By.id("sandbox-banner")).isDisplayed(),
            "the sandbox banner on " + form);
        assertTrue(browser.text("sandbox-banner").contains("SANDBOX"));
      }
    }
  }

  @Test
  @DisplayName(
      "§5.3 / §6.10 lang, theme, source, eventName, utm_source and gclid reach account creation after signup; an unknown parameter does not")
  void parametersCarriedThroughSignup() {
    Map<String, String> carried = new LinkedHashMap<>();
    carried.put("lang", "es");
    carried.put("theme", "dark");
    carried.put("source", "iOS");
    carried.put("eventName", "signup_step_1");
    carried.put("utm_source", "invite");
    carried.put("gclid", "abc");
    StringBuilder url = new StringBuilder("/auth/login?firstLogin=true");
    carried.forEach((name, value) -> url.append('&').append(name).append('=').append(value));
    try (Browser browser = new Browser(ctrader.base())) {
      Traders.signUp(browser, url + "&foo=bar", Traders.newEmail(), false);
      assertEquals(
          "/account/create", browser.url().getPath(), "signup continues to account creation");
      carried.forEach(
          (name, value) ->
              assertEquals(
                  value, browser.queryParameter(name), name + " is carried: " + browser.url()));
      assertNull(
          browser.queryParameter("foo"), "an unknown parameter is not carried: " + browser.url());
      assertTrue(
          bodyClasses(browser).containsAll(List.of("source-ios", "theme-dark")),
          "body classes " + bodyClasses(browser));
      assertEquals("es", browser.attribute("html", "lang"));
    }
  }

  private static String heading(Browser browser) {
    return browser.texts("h1").get(0);
  }

  private static List<String> bodyClasses(Browser browser) {
    return Arrays.asList(browser.attribute("body", "class").trim().split("\\s+"));
  }

  private static long number(Object scriptResult) {
    return ((Number) scriptResult).longValue();
  }
}
