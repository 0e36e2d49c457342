package org.brokersso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of a test server's {@code GET /operator/metrics}, with the operator password the test
 * servers are given ({@link BlackBoxServer#OPERATOR_PASSWORD}), and the value of one series in it.
 */
public record OperatorMetrics(String text) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Scrapes the server at {@code base} (which ends with a slash); fails on any answer but 200. */
  public static OperatorMetrics scrape(URI base) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(base.resolve("operator/metrics"))
                  .timeout(Duration.ofSeconds(60))
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  ("monitoring:" + BlackBoxServer.OPERATOR_PASSWORD)
                                      .getBytes(StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "operator/metrics answered " + response.statusCode() + ": " + response.body());
      }
      return new OperatorMetrics(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of the series written exactly so, e.g. {@code name{label="x"}}; 0 when absent. */
  public long value(String series) {
    Matcher m =
        Pattern.compile("\n" + Pattern.quote(series) + " (\\d+)(?:\\.0)?\n").matcher("\n" + text);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
