package org.brokersso;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), as a trader's
 * embedded browser: opens the screens of the deployed WAR, fills forms and writes screenshots under
 * {@code target/screenshots} so a person can look at them.
 *
 * <p>Launching Chromium costs one to two seconds of a 2-core machine, and the suite opened about 40
 * browsers, so {@code new Browser(...)} borrows an idle Chromium of this JVM (launching one only
 * when none is idle: two at most, since no test holds more than two at once) and {@link #close()}
 * gives it back <em>clean</em>: other windows closed, back at {@code about:blank}, every cookie,
 * the HTTP cache and the origin's storage cleared (DevTools {@code Network.clearBrowserCookies},
 * {@code Network.clearBrowserCache}, {@code Storage.clearDataForOrigin}). For the server that is a
 * browser it has never seen, as a fresh profile was: the tests stay independent. A browser whose
 * cleaning fails is quit, not reused. Two browsers open at the same time are two Chromium processes
 * with profiles of their own, so they share no cookie. The password manager and autofill are off,
 * so nothing typed in one test is offered in another. {@link #fresh} launches a Chromium of its own
 * for measurements that need a cold process ({@code bench/ScreenLoadIT}).
 */
public final class Browser implements AutoCloseable {

  private static final java.util.regex.Pattern RGB =
      java.util.regex.Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)");

  /** JUnit tag of the test classes that drive Chromium (the MariaDB run of .ci/run skips them). */
  public static final String TAG = "browser";

  /**
   * JUnit tag of the browser tests that the WildFly pass runs too (mvn -Pwildfly verify): the
   * screens' smoke test, signup to the success URL and 4.2.
   */
  public static final String SMOKE_TAG = "smoke";

  /** A phone (cTrader Mobile's WebView) and a desktop window. */
  public enum Viewport {
    PHONE(360, 740),
    DESKTOP(1280, 800);

    final int width;
    final int height;

    Viewport(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Idle Chromiums of this JVM, the most recently used first. */
  private static final Deque<Chromium> IDLE = new ArrayDeque<>();

  /** Every Chromium this JVM launched and has not quit, for the shutdown hook. */
  private static final Set<Chromium> RUNNING = ConcurrentHashMap.newKeySet();

  private static final AtomicInteger LAUNCHES = new AtomicInteger();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Chromium::quit), "quit pooled Chromium browsers"));
  }

  private final Chromium chromium;
  private final ChromeDriver driver;
  private final URI base;
  private final boolean pooled;

  public Browser(URI base) {
    this(base, Viewport.DESKTOP);
  }

  /** A clean browser at this window size: an idle Chromium of this JVM, or a new one. */
  public Browser(URI base, Viewport viewport) {
    this(base, borrow(viewport), true);
    resize(viewport);
  }

  private Browser(URI base, Chromium chromium, boolean pooled) {
    this.base = base;
    this.chromium = chromium;
    this.driver = chromium.driver;
    this.pooled = pooled;
  }

  /** A Chromium of its own, with a new profile, quit on {@link #close()}: a cold browser. */
  public static Browser fresh(URI base) {
    return new Browser(base, Chromium.launch(Viewport.DESKTOP, false), false);
  }

  /**
   * A cold browser that blocks third-party cookies, as Chromium does once its third-party-cookie
   * phase-out applies (and as a trader may choose today): only partitioned cookies live in another
   * site's frame.
   */
  public static Browser thirdPartyCookiesBlocked(URI base) {
    return new Browser(base, Chromium.launch(Viewport.DESKTOP, true), false);
  }

  private static Chromium borrow(Viewport viewport) {
    while (true) {
      Chromium idle;
      synchronized (IDLE) {
        idle = IDLE.pollFirst();
      }
      if (idle == null) {
        return Chromium.launch(viewport, false);
      }
      if (idle.alive()) {
        return idle;
      }
      idle.quit();
    }
  }

  /** One Chromium process and its ChromeDriver, with a temporary profile. */
  private record Chromium(ChromeDriver driver, Path profile) {

    static Chromium launch(Viewport viewport, boolean blockThirdPartyCookies) {
      Path profile;
      try {
        profile = Files.createTempDirectory("broker-sso-chromium");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ChromeOptions options = new ChromeOptions();
      options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--no-pings",
          "--disable-default-apps",
          "--disable-client-side-phishing-detection",
          "--disable-domain-reliability",
          // the tests stay on this machine: any other host name fails to resolve
          "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
          "--user-data-dir=" + profile,
          "--window-size=" + viewport.width + "," + viewport.height);
      // a reused browser must not offer what an earlier test typed
      Map<String, Object> prefs = new HashMap<>();
      prefs.put("credentials_enable_service", false);
      prefs.put("profile.password_manager_enabled", false);
      prefs.put("autofill.profile_enabled", false);
      prefs.put("autofill.credit_card_enabled", false);
      if (blockThirdPartyCookies) {
        options.addArguments("--test-third-party-cookie-phaseout");
        prefs.put("profile.block_third_party_cookies", true);
        prefs.put("profile.cookie_controls_mode", 1); // "block third-party cookies"
      }
      options.setExperimentalOption("prefs", prefs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(
                  new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      System.out.println("Chromium launched (" + LAUNCHES.incrementAndGet() + " in this JVM)");
      Chromium chromium = new Chromium(driver, profile);
      RUNNING.add(chromium);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      return chromium;
    }

    boolean alive() {
      try {
        driver.getWindowHandles();
        return true;
      } catch (WebDriverException dead) {
        return false;
      }
    }

    /**
     * Back to a state no test has seen: one window at about:blank, no cookie, no cache, no storage
     * of the server's origin. False when that failed.
     */
    boolean clean(URI base) {
      try {
        driver.switchTo().defaultContent();
        List<String> windows = new ArrayList<>(driver.getWindowHandles());
        for (String window : windows.subList(1, windows.size())) {
          driver.switchTo().window(window).close();
        }
        driver.switchTo().window(windows.get(0));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.executeCdpCommand(
            "Storage.clearDataForOrigin", Map.of("origin", origin(base), "storageTypes", "all"));
        Object cookies = driver.executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        return cookies instanceof List<?> left && left.isEmpty();
      } catch (WebDriverException | IndexOutOfBoundsException broken) {
        return false;
      }
    }

    private static String origin(URI base) {
      return base.getScheme()
          + "://"
          + base.getHost()
          + (base.getPort() < 0 ? "" : ":" + base.getPort());
    }

    void quit() {
      RUNNING.remove(this);
      try {
        driver.quit();
      } catch (WebDriverException ignored) {
        // already gone
      } finally {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException ignored) {
          // a leftover temporary profile is harmless
        }
      }
    }
  }

  public Browser open(String pathAndQuery) {
    driver.get(
        base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery)
            .toString());
    return this;
  }

  public void resize(Viewport viewport) {
    driver.manage().window().setSize(new Dimension(viewport.width, viewport.height));
  }

  public Browser type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
    return this;
  }

  public Browser tick(String id) {
    WebElement box = driver.findElement(By.id(id));
    if (!box.isSelected()) {
      box.click();
    }
    return this;
  }

  public Browser select(String id, String value) {
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByValue(value);
    return this;
  }

  /** Clicks and waits until the browser has left the current page. */
  public Browser click(String id) {
    WebElement element = driver.findElement(By.id(id));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> isGone(element));
    return this;
  }

  /** Whether the page the element was on has been left (Chromium says so in more than one way). */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (
        WebDriverException
            gone) { // StaleElementReferenceException, or "node does not belong to the document"
      return true;
    }
  }

  public boolean has(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  public String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String attribute(String cssSelector, String attribute) {
    return driver.findElement(By.cssSelector(cssSelector)).getAttribute(attribute);
  }

  public List<String> texts(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector)).stream()
        .map(WebElement::getText)
        .toList();
  }

  public URI url() {
    return URI.create(driver.getCurrentUrl());
  }

  /** The value of a query parameter of the current URL, or null. */
  public String queryParameter(String name) {
    String query = url().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(
            pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /**
   * Posts the page's form twice at once, as an impatient double click sends it: its fields, the
   * session and form cookies and the button {@code formId:button}, over plain HTTP. Answers the two
   * statuses; the browser stays where it was.
   */
  public List<Integer> postTwiceAtOnce(String formId, String button) throws Exception {
    HttpRequest post = formPost(formId, button, Map.of());
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    List<CompletableFuture<HttpResponse<Void>>> posts =
        List.of(
            http.sendAsync(post, BodyHandlers.discarding()),
            http.sendAsync(post, BodyHandlers.discarding()));
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<Void>> answer : posts) {
      statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
    }
    return statuses;
  }

  /**
   * Posts the page's form once over plain HTTP, as a forger would: its fields with {@code changed}
   * values put in (by field name), the cookies and the button {@code formId:button}.
   */
  public HttpResponse<String> forgedPost(String formId, String button, Map<String, String> changed)
      throws Exception {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(formPost(formId, button, changed), BodyHandlers.ofString());
  }

  private HttpRequest formPost(String formId, String button, Map<String, String> changed) {
    StringJoiner body = new StringJoiner("&");
    for (WebElement field :
        driver.findElements(
            By.cssSelector("form#" + formId + " input, form#" + formId + " select"))) {
      String name = field.getAttribute("name");
      if (name != null && !"submit".equals(field.getAttribute("type"))) {
        body.add(
            encode(name) + "=" + encode(changed.getOrDefault(name, field.getAttribute("value"))));
      }
    }
    body.add(encode(formId + ":" + button) + "=x");
    return HttpRequest.newBuilder(URI.create(attribute("form#" + formId, "action")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", productCookies())
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  /**
   * The browser's session and form cookies for this server, as a Cookie header; with Payara's
   * session version ({@code JSESSIONIDVERSION}), without which a distributable WAR's session is not
   * found.
   */
  private String productCookies() {
    StringJoiner cookies = new StringJoiner("; ");
    for (org.openqa.selenium.Cookie cookie : driver.manage().getCookies()) {
      if (cookie.getName().contains("BROKER_SSO_")
          || cookie.getName().equals("JSESSIONIDVERSION")) {
        cookies.add(cookie.getName() + "=" + cookie.getValue());
      }
    }
    return cookies.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  /** A computed style of the page's body, e.g. its background colour. */
  public String bodyStyle(String property) {
    return driver.findElement(By.tagName("body")).getCssValue(property);
  }

  public Object script(String javascript) {
    return driver.executeScript(javascript);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Writes the page as target/screenshots/{name}.png. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.move(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Screenshots of the page at phone and desktop size: {name}-phone.png, {name}-desktop.png. */
  public void screenshots(String name) {
    for (Viewport viewport : Viewport.values()) {
      resize(viewport);
      screenshot(name + "-" + viewport.name().toLowerCase(java.util.Locale.ROOT));
    }
    resize(Viewport.DESKTOP);
  }

  /** Gives a pooled browser back, cleaned (or quits it if cleaning fails); quits a fresh one. */
  @Override
  public void close() {
    if (pooled && chromium.clean(base)) {
      synchronized (IDLE) {
        IDLE.addFirst(chromium);
      }
    } else {
      chromium.quit();
    }
  }

  /**
   * WCAG relative luminance of a computed CSS colour, "rgb(r, g, b)" or "rgba(r, g, b, a)": 0
   * black, 1 white.
   */
  public static double luminance(String cssColour) {
    java.util.regex.Matcher rgb = RGB.matcher(cssColour);
    if (!rgb.find()) {
      throw new AssertionError("not a computed colour: " + cssColour);
    }
    double[] linear = new double[3];
    for (int i = 0; i < 3; i++) {
      double channel = Integer.parseInt(rgb.group(i + 1)) / 255.0;
      linear[i] = channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }

  /** WCAG contrast ratio of two computed CSS colours (1 to 21). */
  public static double contrast(String one, String other) {
    double a = luminance(one);
    double b = luminance(other);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
}
