package org.brokersso.sso.boundary;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;

/**
 * Reads the small JSON bodies of calls 4.1–4.4 by hand rather than by JSON-B binding: any
 * Content-Type (or none) is accepted, a numeric id may arrive as a number or a string, and every
 * malformed body becomes a 400 that names the field, never a 500.
 */
final class JsonBody {

  /**
   * Looked up once: {@code Json.createReader} asks the ServiceLoader for a provider on every call,
   * which scans the class path under a lock and serialised every request (docs/benchmarks.md).
   */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private final JsonObject json;

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  static JsonBody parse(String body) {
    if (body == null || body.isBlank()) {
      throw new ContractViolation(ContractError.MISSING_PARAMETER, "A JSON body is required");
    }
    try (JsonReader reader = READERS.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new ContractViolation(
            ContractError.INVALID_REQUEST, "The body must be a JSON object");
      }
      return new JsonBody(value.asJsonObject());
    } catch (ContractViolation refusal) {
      throw refusal;
    } catch (RuntimeException e) {
      // JsonException for bad syntax, but also plain RuntimeExceptions for nesting deeper than
      // the parser's limit and UnsupportedOperationException for numbers longer than its limit
      throw new ContractViolation(ContractError.INVALID_REQUEST, "The body is not valid JSON");
    }
  }

  String text(String name) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw missing(name);
    }
    if (!(value instanceof JsonString string)) {
      throw new ContractViolation(ContractError.INVALID_REQUEST, name + " must be a string");
    }
    if (string.getString().isEmpty()) {
      throw missing(name);
    }
    return string.getString();
  }

  /** A 64-bit id, given as a JSON number or as a string of digits (older docs typed it string). */
  long id(String name) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw missing(name);
    }
    try {
      if (value instanceof JsonNumber number) {
        return number.longValueExact();
      }
      if (value instanceof JsonString string) {
        return Long.parseLong(string.getString().strip());
      }
    } catch (RuntimeException e) {
      // ArithmeticException, NumberFormatException, or the parser's refusal of a huge number:
      // falls through to the refusal below
    }
    throw new ContractViolation(ContractError.INVALID_REQUEST, name + " must be an integer");
  }

  static long id(String name, String queryValue) {
    if (queryValue == null || queryValue.isBlank()) {
      throw missing(name);
    }
    try {
      return Long.parseLong(queryValue.strip());
    } catch (NumberFormatException e) {
      throw new ContractViolation(ContractError.INVALID_REQUEST, name + " must be an integer");
    }
  }

  private static ContractViolation missing(String name) {
    return new ContractViolation(ContractError.MISSING_PARAMETER, name + " is required");
  }
}
