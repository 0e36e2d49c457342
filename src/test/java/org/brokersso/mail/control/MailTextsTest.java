package org.brokersso.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.brokersso.mail.entity.OutgoingMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailTextsTest {

  private static final URI LINK =
      URI.create("https://crm.example.com/auth/reset?token=rt_abc&lang=xx");

  private final MailTexts texts = new MailTexts();

  {
    texts.brokerName = "ACME Markets";
  }

  private OutgoingMail reset(String lang) {
    return texts.passwordReset("user@example.org", lang, LINK, Duration.ofMinutes(30));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "en", "EN", "de", "fr-CA", "zz", "not a language"})
  void languagesWithoutTheirOwnTextGetEnglish(String lang) {
    assertEquals("Set a new password for ACME Markets", reset(lang).subject());
    assertEquals("Welcome to ACME Markets", texts.welcome("user@example.org", lang).subject());
  }

  @Test
  void englishIsUsedEvenWhenTheServerSpeaksSpanish() {
    Locale server = Locale.getDefault();
    Locale.setDefault(new Locale("es"));
    try {
      assertEquals("Set a new password for ACME Markets", reset("de").subject());
    } finally {
      Locale.setDefault(server);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "es-MX", "es_MX", " ES "})
  void spanishWithItsRegionalVariants(String lang) {
    OutgoingMail mail = reset(lang);
    assertEquals("Nueva contraseña para ACME Markets", mail.subject());
    assertTrue(mail.text().contains("El enlace es válido durante 30 minutos."), mail.text());
    assertTrue(
        mail.html().startsWith("<!DOCTYPE html>\n<html lang=\"es\" dir=\"ltr\">"), mail.html());
  }

  @Test
  void arabicIsWrittenRightToLeft() {
    OutgoingMail mail = reset("ar");
    assertEquals("كلمة مرور جديدة لحسابك في ACME Markets", mail.subject());
    assertTrue(mail.text().contains("الرابط صالح لمدة 30 دقيقة"), mail.text());
    assertTrue(
        mail.html().startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), mail.html());
    assertEquals(
        "مرحبًا،", texts.welcome("a@example.org", "ar").text().lines().findFirst().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "ar"})
  void resetMailCarriesTheLinkBrokerAndMinutesAndNoLeftoverPlaceholder(String lang) {
    OutgoingMail mail = reset(lang);
    assertEquals("user@example.org", mail.to());
    assertTrue(
        mail.text().contains("\n" + LINK + "\n"),
        "the link stands on a line of its own: " + mail.text());
    assertTrue(mail.text().contains("ACME Markets"));
    assertTrue(mail.text().contains(" 30 "));
    assertTrue(
        mail.html()
            .contains(
                "<a dir=\"ltr\" href=\"https://crm.example.com/auth/reset?token=rt_abc&amp;lang=xx\">"),
        mail.html());
    OutgoingMail welcome = texts.welcome("user@example.org", lang);
    OutgoingMail code =
        texts.signupCode("user@example.org", lang, "048213", Duration.ofMinutes(30));
    OutgoingMail again = texts.signupAgain("user@example.org", lang);
    for (OutgoingMail each : new OutgoingMail[] {mail, welcome, code, again}) {
      assertFalse(
          (each.subject() + each.text()).matches("(?s).*\\{\\w+}.*"), each.subject() + each.text());
      assertTrue(each.text().contains("ACME Markets"));
    }
    assertTrue(code.text().contains("\n048213\n"), "the code on a line of its own");
    assertTrue(code.text().contains(" 30 "));
    assertFalse(code.html().contains("<a "), "a signup code mail has no link");
    assertFalse(again.html().contains("<a "), "nor has the mail about a second signup");
  }

  @Test
  void onlyTheProductsOwnLinkIsALink() {
    texts.brokerName = "Visit https://example.invalid/login now";
    OutgoingMail mail = reset("en");
    assertEquals(1, mail.html().split("<a ", -1).length - 1, "one link: " + mail.html());
    assertTrue(mail.html().contains("href=\"https://crm.example.com/auth/reset?token=rt_abc"));
    assertTrue(
        mail.html().contains("Visit https://example.invalid/login now"),
        "a URL in any other value stays text: " + mail.html());
    for (OutgoingMail other :
        new OutgoingMail[] {
          texts.welcome("u@example.org", "en"), texts.signupAgain("u@example.org", "en")
        }) {
      assertFalse(other.html().contains("<a "), other.html());
    }
  }

  @Test
  void validityIsShownInWholeMinutesRoundedUp() {
    assertTrue(
        texts
            .passwordReset("u@example.org", "en", LINK, Duration.ofSeconds(61))
            .text()
            .contains("valid for 2 minutes"));
    assertTrue(
        texts
            .passwordReset("u@example.org", "en", LINK, Duration.ofHours(1))
            .text()
            .contains("valid for 60 minutes"));
    assertThrows(
        IllegalArgumentException.class,
        () -> texts.passwordReset("u@example.org", "en", LINK, Duration.ZERO));
  }

  @Test
  void welcomeGreetsWithoutAName() {
    assertTrue(texts.welcome("u@example.org", "en").text().startsWith("Hello,\n"));
    assertTrue(texts.welcome("u@example.org", "es").text().startsWith("Hola:\n"));
  }

  @Test
  void valuesAreInsertedLiterallyAndEscapedInHtml() {
    texts.brokerName = "<b>{code}</b> $1 \\";
    OutgoingMail mail = texts.welcome("u@example.org", "en");
    assertTrue(mail.text().contains("Your <b>{code}</b> $1 \\ account"), mail.text());
    assertTrue(mail.html().contains("Your &lt;b&gt;{code}&lt;/b&gt; $1 \\ account"), mail.html());
    assertFalse(mail.html().contains("<b>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "ar"})
  void everyTranslationHasEveryKey(String lang) throws IOException {
    assertEquals(
        new Locale(lang),
        MailTexts.texts(lang).getLocale(),
        "the bundle of " + lang + " was not found");
    // the file itself, not the bundle: a bundle would quietly fill a missing key from English
    assertEquals(
        keys(MailTexts.BUNDLE + ".properties"),
        keys(MailTexts.BUNDLE + "_" + lang + ".properties"));
  }

  private static Set<Object> keys(String resource) throws IOException {
    Properties file = new Properties();
    try (InputStream in = MailTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
      file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new TreeSet<>(file.keySet());
  }
}
