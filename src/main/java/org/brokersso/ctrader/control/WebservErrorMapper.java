package org.brokersso.ctrader.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every error answer of cTrader's backend into a {@link CtraderFailure}:
 *
 * <ul>
 *   <li>a 4xx into a {@link CtraderRejection}, with the code of the body {@code
 *       {"error":{"errorCode","description"}}} when there is one, else with the status only;
 *   <li>a 5xx into a rejection only when its code says the backend did not act ({@link
 *       WebservErrorCode#provesNothingDone}, or a code naming the manager token, B5); any other 5xx
 *       ({@code UNKNOWN_ERROR}, an unknown code, no body) into {@link CtraderUnreachable}: a
 *       backend may have created the trader or booked the money and then failed, so the outcome of
 *       3.2, 3.3 or 3.5 is in doubt (docs/contract-choices.md, "5xx answers").
 * </ul>
 *
 * A {@code Retry-After} header in seconds is kept on the rejection (cTrader documents none for its
 * rate limit; a gateway in front of it may send one).
 */
public class WebservErrorMapper implements ResponseExceptionMapper<CtraderFailure> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  /** A longer Retry-After is read as this: no resume is put off by more than a day. */
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

  @Override
  public CtraderFailure toThrowable(Response response) {
    int status = response.getStatus();
    JsonObject error = errorOf(response);
    String code = error == null ? null : text(error, "errorCode");
    if (status >= 500 && !provesNothingDone(code)) {
      return new CtraderUnreachable(
          "cTrader's backend answered "
              + status
              + (code == null ? " without an error code" : " " + code)
              + "; whether it acted is unknown",
          null);
    }
    return new CtraderRejection(
        status,
        code,
        error == null ? null : text(error, "description"),
        retryAfter(response.getHeaderString("Retry-After")));
  }

  static boolean provesNothingDone(String code) {
    return code != null
        && (WebservErrorCode.of(code).provesNothingDone() || CallPolicy.namesToken(code));
  }

  /** Retry-After in delta-seconds (RFC 9110 §10.2.3); the HTTP-date form is not used here. */
  private static Duration retryAfter(String header) {
    if (header == null || !header.strip().matches("\\d{1,9}")) {
      return null;
    }
    Duration after = Duration.ofSeconds(Long.parseLong(header.strip()));
    return after.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : after;
  }

  private static JsonObject errorOf(Response response) {
    if (!response.hasEntity()) {
      return null;
    }
    String body = response.readEntity(String.class);
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object && object.get("error") instanceof JsonObject error) {
        return error;
      }
      return null;
    } catch (JsonParsingException | IllegalStateException e) {
      return null;
    }
  }

  private static String text(JsonObject object, String key) {
    JsonValue value = object.get(key);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }
}
