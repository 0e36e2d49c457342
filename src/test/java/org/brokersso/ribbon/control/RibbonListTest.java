package org.brokersso.ribbon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.brokersso.ribbon.entity.ConfiguredRibbon;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RibbonListTest {

  @Test
  @DisplayName(
      "the shipped default: a closable deposit ribbon and a KYC ribbon that goes once approved")
  void shippedDefault() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(
            Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
      properties.load(in);
    }
    List<ConfiguredRibbon> ribbons = RibbonList.parse(properties.getProperty("ribbon.list"));

    assertEquals(
        List.of(
            new ConfiguredRibbon("Deposit funds", "#1f8efa", "/inapp/deposit", true, false, false),
            new ConfiguredRibbon(
                "Verify your identity", "#e8a33d", "/inapp/kyc", false, false, true)),
        ribbons);
  }

  @Test
  void optionsAndAbsoluteTargets() {
    List<ConfiguredRibbon> ribbons =
        RibbonList.parse(
            "Bonus week|#22AA55|https://www.example.org/promo|external, closable\nChat to us | #000000 | /inapp/chat");

    assertEquals(
        new ConfiguredRibbon(
            "Bonus week", "#22aa55", "https://www.example.org/promo", true, true, false),
        ribbons.get(0));
    assertEquals(
        new ConfiguredRibbon("Chat to us", "#000000", "/inapp/chat", false, false, false),
        ribbons.get(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", " NONE ", "", "  ", ";"})
  @DisplayName("'none' or nothing: no ribbons, so a push clears them")
  void noRibbons(String text) {
    assertTrue(RibbonList.parse(text).isEmpty());
  }

  @Test
  void unsetMeansNoRibbons() {
    assertTrue(RibbonList.parse(null).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Deposit | #1f8efa",
        "Deposit | #1f8efa | /inapp/deposit | closable | extra",
        " | #1f8efa | /inapp/deposit",
        "Deposit | blue | /inapp/deposit",
        "Deposit | #1f8ef | /inapp/deposit",
        "Deposit | #1f8efa | inapp/deposit",
        "Deposit | #1f8efa | //evil.example/x",
        "Deposit | #1f8efa | /in app",
        "Deposit | #1f8efa | ftp://example.org/x",
        "Deposit | #1f8efa | javascript:alert(1)",
        "Deposit | #1f8efa | /inapp/deposit | sticky"
      })
  @DisplayName("a malformed ribbon is refused with a message naming it")
  void malformed(String entry) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> RibbonList.parse("Fine | #ffffff | /x ; " + entry));
    assertTrue(refused.getMessage().startsWith("ribbon.list, ribbon 2 "), refused.getMessage());
  }
}
