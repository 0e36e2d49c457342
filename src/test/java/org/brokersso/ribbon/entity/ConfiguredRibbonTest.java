package org.brokersso.ribbon.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.RibbonAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfiguredRibbonTest {

  @ParameterizedTest
  @CsvSource({
    "https://crm.example.com, /inapp/deposit, https://crm.example.com/inapp/deposit",
    "https://crm.example.com/, /inapp/deposit, https://crm.example.com/inapp/deposit",
    "https://crm.example.com/broker, /inapp/kyc?kycType=poa, https://crm.example.com/broker/inapp/kyc?kycType=poa",
    "http://localhost:8080, /inapp/kyc, http://localhost:8080/inapp/kyc",
    "https://crm.example.com, https://www.example.org/promo, https://www.example.org/promo"
  })
  @DisplayName("a path is made absolute on the public URL; an absolute URL is kept")
  void url(String base, String target, String expected) {
    assertEquals(expected, ConfiguredRibbon.url(base, target));
  }

  @Test
  void inAppByDefault() {
    Ribbon ribbon =
        new ConfiguredRibbon("Deposit funds", "#1f8efa", "/inapp/deposit", true, false, false)
            .toRibbon("https://crm.example.com");
    assertEquals(
        Ribbon.of(
            "#1f8efa",
            "Deposit funds",
            true,
            RibbonAction.inApp("https://crm.example.com/inapp/deposit")),
        ribbon);
  }

  @Test
  void externalOpensInTheBrowser() {
    Ribbon ribbon =
        new ConfiguredRibbon(
                "Promo", "#22aa55", "https://www.example.org/promo", false, true, false)
            .toRibbon("https://crm.example.com");
    assertEquals(RibbonAction.external("https://www.example.org/promo"), ribbon.action());
    assertEquals(false, ribbon.closable());
  }
}
