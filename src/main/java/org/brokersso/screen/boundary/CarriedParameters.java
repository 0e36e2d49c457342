package org.brokersso.screen.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The display and tracking parameters the flow was opened with, kept for the screen session so that
 * a form post (whose URL has no query string) and every later step still know them. The partner is
 * the first one the session saw (first touch, docs/screens.md).
 */
@SessionScoped
public class CarriedParameters implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> values = new LinkedHashMap<>();

  /** Later values replace earlier ones, except a {@link ScreenParameter#keepsFirst} one's. */
  synchronized void remember(Map<String, String> parameters) {
    parameters.forEach(
        (name, value) -> {
          if (ScreenParameter.named(name).map(ScreenParameter::keepsFirst).orElse(false)) {
            values.putIfAbsent(name, value);
          } else {
            values.put(name, value);
          }
        });
  }

  synchronized Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
