package org.brokersso.sso.boundary;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The contract's error body (spec §4.2): HTTP reason phrase, human-readable message, code. */
public record ErrorBody(String error, String message, String code) {

  /** Looked up once: {@code Json.createObjectBuilder} asks the ServiceLoader on every call. */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  static ErrorBody of(int status, String message, String code) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return new ErrorBody(known != null ? known.getReasonPhrase() : "Error", message, code);
  }

  /**
   * Writes the body where JAX-RS has not been reached yet (servlet filters): the same JSON the
   * mappers write, by hand, so it does not depend on the runtime's JSON-B provider.
   */
  static void write(HttpServletResponse response, int status, String message, String code)
      throws IOException {
    ErrorBody body = of(status, message, code);
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("error", body.error()).add("message", body.message());
    if (code != null) {
      json.add("code", code);
    }
    byte[] bytes = json.build().toString().getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
