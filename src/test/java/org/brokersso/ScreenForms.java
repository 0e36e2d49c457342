package org.brokersso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The screens over plain HTTP, for tests that compare answers byte for byte or post what a browser
 * would not: follows no redirect and keeps the session cookie by hand (java.net's CookieManager
 * would not send a Secure cookie back to http://localhost).
 */
public final class ScreenForms {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  /** The screens' cookies (session, form, partner), by name, as the server last set them. */
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public ScreenForms(URI base) {
    this.base = base;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** Opens the page at {@code path} and answers its form {@code id}. */
  public Form form(String path, String id) {
    HttpResponse<String> page = get(path);
    assertEquals(200, page.statusCode(), path);
    return Form.in(page.body(), id);
  }

  /** Posts the form's hidden fields with {@code fields}. */
  public HttpResponse<String> submit(Form form, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(form.fields());
    all.putAll(fields);
    return post(form.action(), all);
  }

  public HttpResponse<String> post(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The value of the cookie {@code name} as the server last set it. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** Where a redirect points, as a path with its query; empty when the answer is no redirect. */
  public static String location(HttpResponse<String> answer) {
    return answer
        .headers()
        .firstValue("Location")
        .map(URI::create)
        .map(u -> u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()))
        .orElse("");
  }

  private HttpRequest.Builder request(String path) {
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

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals > 0) {
          cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A form of a page: where it posts and its hidden fields (view state, form token, form id). */
  public record Form(String action, Map<String, String> fields) {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");

    public static Form in(String html, String id) {
      Matcher form =
          Pattern.compile("<form\\b[^>]*\\bid=\"" + id + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
              .matcher(html);
      assertTrue(form.find(), "the page has the form " + id + ": " + html);
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
}
