package org.brokersso.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brokersso.mail.entity.OutgoingMail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the e-mails (password reset, signup code, signup of a registered address, welcome) in the
 * user's language from the bundles {@code mail/messages*.properties} (English, the default, Spanish
 * and Arabic). A language without a bundle gets English, whatever the server's own locale.
 * Placeholders are named ({@code {link}}, {@code {broker}}, {@code {minutes}}, {@code {code}}) so
 * translators need not know MessageFormat's quoting rules.
 *
 * <p>No mail carries text a user typed (a name, say): signup mails go to addresses nobody has
 * confirmed yet, so such text would be a stranger's message sent from the broker's own server. In
 * the HTML part everything is escaped and the one link is the product's own ({@code {link}}); a URL
 * anywhere else stays text.
 */
@ApplicationScoped
public class MailTexts {

  static final String BUNDLE = "mail/messages";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final String LINK = "link";
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

  /** The e-mail that greets a new user once their first trading account is open. */
  public OutgoingMail welcome(String to, String lang) {
    return compose(to, texts(lang), "welcome", Map.of("broker", brokerName));
  }

  /** The code that confirms a signup's address; {@code validity} in whole minutes, rounded up. */
  public OutgoingMail signupCode(String to, String lang, String code, Duration validity) {
    long minutes = validity.plusSeconds(59).toMinutes();
    return compose(
        to,
        texts(lang),
        "signup-code",
        Map.of("code", code, "broker", brokerName, "minutes", Long.toString(minutes)));
  }

  /** Tells the owner of a registered address that someone tried to sign up with it again. */
  public OutgoingMail signupAgain(String to, String lang) {
    return compose(to, texts(lang), "signup-again", Map.of("broker", brokerName));
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
    String subject = fill(texts.getString(mail + ".subject"), values, Function.identity());
    String body = fill(texts.getString(mail + ".body"), values, Function.identity());
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
            + html(texts.getString(mail + ".body"), values)
            + "</p></body>\n</html>\n";
    return new OutgoingMail(to, subject, body, html);
  }

  /**
   * The body as HTML: the text escaped, line breaks kept, and only {@code {link}} made a link.
   * Template and values are escaped separately, so no value can open or close a tag.
   */
  private static String html(String template, Map<String, String> values) {
    StringBuilder html = new StringBuilder();
    Matcher placeholder = PLACEHOLDER.matcher(template);
    int done = 0;
    while (placeholder.find()) {
      html.append(HtmlText.escape(template.substring(done, placeholder.start())));
      html.append(
          fill(
              placeholder.group(),
              values,
              value ->
                  LINK.equals(placeholder.group(1))
                      ? "<a dir=\"ltr\" href=\"" + value + "\">" + value + "</a>"
                      : value,
              HtmlText::escape));
      done = placeholder.end();
    }
    html.append(HtmlText.escape(template.substring(done)));
    return html.toString().replace("\r\n", "\n").replace("\n", "<br>\n");
  }

  private static String fill(String text, Map<String, String> values, Function<String, String> as) {
    return fill(text, values, Function.identity(), as);
  }

  /**
   * Replaces every placeholder in one pass, so a value that looks like a placeholder stays as it
   * is; each value is first {@code escaped}, then {@code shown}.
   */
  private static String fill(
      String text,
      Map<String, String> values,
      Function<String, String> shown,
      Function<String, String> escaped) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    return placeholder.replaceAll(
        found -> {
          String value = values.get(found.group(1));
          if (value == null) {
            throw new IllegalStateException(
                "mail text has an unknown placeholder " + found.group());
          }
          return Matcher.quoteReplacement(shown.apply(escaped.apply(value)));
        });
  }
}
