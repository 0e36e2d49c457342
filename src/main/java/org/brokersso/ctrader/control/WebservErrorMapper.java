package org.brokersso.ctrader.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every error answer of cTrader's backend into a {@link CtraderFailure}: the body {@code
 * {"error":{"errorCode","description"}}} into a {@link CtraderRejection} carrying the code; a 4xx
 * without it into a rejection carrying only the status; a 5xx without it into {@link
 * CtraderUnreachable}, because then nothing says the backend did not act.
 */
public class WebservErrorMapper implements ResponseExceptionMapper<CtraderFailure> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public CtraderFailure toThrowable(Response response) {
    int status = response.getStatus();
    JsonObject error = errorOf(response);
    if (error == null) {
      return status >= 500
          ? new CtraderUnreachable(
              "cTrader's backend answered " + status + " without an error code", null)
          : new CtraderRejection(status, null, null);
    }
    return new CtraderRejection(status, text(error, "errorCode"), text(error, "description"));
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
