package org.brokersso.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brokersso.mail.entity.OutgoingMail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the password-reset and welcome e-mails in the user's language from the bundles {@code
 * mail/messages*.properties} (English, the default, Spanish and Arabic). A language without a
 * bundle gets English, whatever the server's own locale. Placeholders are named ({@code {link}},
 * {@code {broker}}, {@code {minutes}}, {@code {firstName}}) so translators need not know
 * MessageFormat's quoting rules.
 */
@ApplicationScoped
public class MailTexts {

  static final String BUNDLE = "mail/messages";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final ResourceBundle.Control NO_SERVER_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  @Inject
  @ConfigProperty(name = "screen.broker-name")
  String brokerName;

  /**
   * The e-mail with the link that sets a new password; {@code validity} is shown in whole minutes,
   * rounded up.
   */
  public OutgoingMail passwordReset(String to, String lang, URI link, Duration validity) {
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException(
          "a reset link must be valid for some time, not " + validity);
    }
    long minutes = validity.plusSeconds(59).toMinutes();
    return compose(
        to,
        texts(lang),
        "reset",
        Map.of("link", link.toString(), "broker", brokerName, "minutes", Long.toString(minutes)));
  }

  /** The e-mail that greets a new user after signup; by first name when one is known. */
  public OutgoingMail welcome(String to, String lang, String firstName) {
    ResourceBundle texts = texts(lang);
    boolean named = firstName != null && !firstName.isBlank();
    String greeting =
        named
            ? fill(texts.getString("greeting"), Map.of("firstName", firstName.strip()))
            : texts.getString("greeting.unnamed");
    return compose(to, texts, "welcome", Map.of("greeting", greeting, "broker", brokerName));
  }

  /**
   * The bundle for a language tag such as {@code ar}, {@code es-MX} or {@code es_MX}; English when
   * none fits.
   */
  static ResourceBundle texts(String lang) {
    Locale locale =
        lang == null ? Locale.ROOT : Locale.forLanguageTag(lang.strip().replace('_', '-'));
    return ResourceBundle.getBundle(
        BUNDLE, locale, MailTexts.class.getClassLoader(), NO_SERVER_LOCALE);
  }

  private static OutgoingMail compose(
      String to, ResourceBundle texts, String mail, Map<String, String> values) {
    String subject = fill(texts.getString(mail + ".subject"), values);
    String body = fill(texts.getString(mail + ".body"), values);
    String language =
        texts.getLocale().getLanguage().isEmpty() ? "en" : texts.getLocale().getLanguage();
    String html =
        "<!DOCTYPE html>\n<html lang=\""
            + language
            + "\" dir=\""
            + texts.getString("direction")
            + "\">\n"
            + "<head><meta charset=\"UTF-8\"><title>"
            + HtmlText.escape(subject)
            + "</title></head>\n"
            + "<body><p>"
            + HtmlText.of(body)
            + "</p></body>\n</html>\n";
    return new OutgoingMail(to, subject, body, html);
  }

  /**
   * Replaces every placeholder in one pass, so a value that looks like a placeholder stays as it
   * is.
   */
  private static String fill(String text, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    return placeholder.replaceAll(
        found -> {
          String value = values.get(found.group(1));
          if (value == null) {
            throw new IllegalStateException(
                "mail text has an unknown placeholder " + found.group());
          }
          return Matcher.quoteReplacement(value);
        });
  }
}
