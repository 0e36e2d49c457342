package org.brokersso.screen.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Settings a broker writes once per language: {@code <key>.<lang>} (screen.legal-notice.es) wins,
 * else {@code <key>} itself, which is written in the broker's default language; the answer says
 * which language the text is in, so a page can mark a part in another language (WCAG 3.1.2).
 */
@ApplicationScoped
public class LocalizedSettings {

  /** A configured text and the language it is written in. */
  public record Localized(String value, String lang) {}

  @Inject Config config;
  @Inject Languages languages;

  public Localized value(String key, String lang) {
    return config
        .getOptionalValue(key + "." + lang, String.class)
        .map(value -> new Localized(value, lang))
        .orElseGet(
            () -> new Localized(config.getValue(key, String.class), languages.defaultLanguage()));
  }
}
