package org.brokersso;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core, Deque's accessibility checker (its {@code axe.min.js}, from the Maven jar
 * com.deque.html.axe-core:selenium), run in the page the browser shows: the rules tagged WCAG 2.0,
 * 2.1 and 2.2, levels A and AA. Selenium injects it, so the screens' policy (no script) stays as it
 * is; the page's own markup and computed styles are what is judged.
 */
public final class Axe {

  public static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

  private static final String SOURCE = source();

  private static final String RUN =
      """
      var done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
        .then(function (r) { done(JSON.stringify(r.violations)); },
              function (e) { done(JSON.stringify({error: String(e)})); });
      """;

  private Axe() {}

  /** The violations on the current page, one line each: rule, impact, help and the elements. */
  public static List<String> violations(Browser browser) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> "complete".equals(browser.script("return document.readyState")));
    browser.driver().executeScript(SOURCE);
    String answer = (String) browser.driver().executeAsyncScript(RUN, TAGS);
    JsonValue parsed = Json.createReader(new StringReader(answer)).readValue();
    if (parsed instanceof JsonObject failed) {
      throw new AssertionError("axe did not run: " + failed.getString("error"));
    }
    List<String> found = new ArrayList<>();
    for (JsonValue value : (JsonArray) parsed) {
      JsonObject violation = value.asJsonObject();
      List<String> nodes = new ArrayList<>();
      for (JsonValue node : violation.getJsonArray("nodes")) {
        nodes.add(node.asJsonObject().getJsonArray("target").toString());
      }
      found.add(
          violation.getString("id")
              + " ("
              + violation.getString("impact", "?")
              + "): "
              + violation.getString("help")
              + " at "
              + nodes);
    }
    return found;
  }

  private static String source() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test class path (pom.xml)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
