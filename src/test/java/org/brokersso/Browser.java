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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh
 * profile, as a trader's embedded browser: opens the screens of the deployed WAR, fills forms and
 * writes screenshots under {@code target/screenshots} so a person can look at them.
 */
public final class Browser implements AutoCloseable {

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

  private final ChromeDriver driver;
  private final Path profile;
  private final URI base;

  public Browser(URI base) {
    this(base, Viewport.DESKTOP);
  }

  public Browser(URI base, Viewport viewport) {
    this.base = base;
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
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    resize(viewport);
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
   * session cookie and the submit button, over plain HTTP. Answers the two statuses.
   */
  public List<Integer> postTwiceAtOnce(String formId) throws Exception {
    StringJoiner body = new StringJoiner("&");
    for (WebElement field :
        driver.findElements(
            By.cssSelector("form#" + formId + " input, form#" + formId + " select"))) {
      String name = field.getAttribute("name");
      if (name != null && !"submit".equals(field.getAttribute("type"))) {
        body.add(encode(name) + "=" + encode(field.getAttribute("value")));
      }
    }
    body.add(encode(formId + ":submit") + "=x");
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(attribute("form#" + formId, "action")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Cookie",
                "BROKER_SSO_SESSION="
                    + driver.manage().getCookieNamed("BROKER_SSO_SESSION").getValue())
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
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

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
