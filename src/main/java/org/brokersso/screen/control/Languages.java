package org.brokersso.screen.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The languages the screens and e-mails are offered in. cTrader sends the device language as a
 * two-letter code (§5.3, "ISO 639-1"); anything else, or a language the broker does not offer,
 * falls back to the broker's default (conformance 6.2.3).
 */
@ApplicationScoped
public class Languages {

  private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur");

  @Inject
  @ConfigProperty(name = "screen.languages")
  List<String> offered; // MicroProfile Config splits lists at commas

  @Inject
  @ConfigProperty(name = "screen.default-language")
  String defaultLanguage;

  /**
   * The offered language {@code requested} names ("es", "es-ES", "ES"), or the broker's default.
   */
  public String resolve(String requested) {
    if (requested != null && requested.length() >= 2) {
      String code = requested.substring(0, 2).toLowerCase(Locale.ROOT);
      if (offered().contains(code)) {
        return code;
      }
    }
    return defaultLanguage;
  }

  public List<String> offered() {
    return offered.stream().map(String::trim).toList();
  }

  /**
   * The broker's default language, in which every text without a language of its own is written.
   */
  public String defaultLanguage() {
    return defaultLanguage;
  }

  public static boolean isRightToLeft(String language) {
    return RIGHT_TO_LEFT.contains(language);
  }
}
