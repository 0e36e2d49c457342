package org.brokersso.ribbon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.kyc.control.KycChecks;
import org.brokersso.setup.control.RunMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RibbonsTest {

  private static final String LIST =
      "Deposit funds | #1f8efa | /inapp/deposit | closable ; Verify your identity | #e8a33d | /inapp/kyc | until-kyc-approved";

  @Test
  @DisplayName("a trader whose KYC is approved no longer gets the until-kyc-approved ribbon")
  void kycApprovedTraderLosesTheKycRibbon() {
    assertEquals(
        List.of("Deposit funds", "Verify your identity"),
        titles(ribbons(LIST, "https://crm.example.com", true, false).forTrader(7)));
    assertEquals(
        List.of("Deposit funds"),
        titles(ribbons(LIST, "https://crm.example.com", true, true).forTrader(7)));
  }

  @Test
  @DisplayName(
      "screen.public-url makes paths absolute; unset in the sandbox: http://localhost:8080")
  void publicBase() {
    assertEquals(
        "https://crm.example.com/inapp/deposit",
        ribbons(LIST, "https://crm.example.com/", true, false).all().get(0).action().urlinApp());
    assertEquals(
        "http://localhost:8080/inapp/deposit",
        ribbons(LIST, null, true, false).all().get(0).action().urlinApp());
  }

  @Test
  @DisplayName("live, paths without screen.public-url are refused")
  void liveNeedsPublicUrl() {
    assertThrows(IllegalStateException.class, () -> ribbons(LIST, null, false, false));
    assertEquals(
        1, ribbons("Promo | #22aa55 | https://www.example.org/p", null, false, false).all().size());
  }

  private static List<String> titles(List<Ribbon> ribbons) {
    return ribbons.stream().map(Ribbon::title).toList();
  }

  private static Ribbons ribbons(
      String list, String publicUrl, boolean sandbox, boolean kycApproved) {
    Ribbons ribbons = new Ribbons();
    ribbons.enabled = true;
    ribbons.list = Optional.of(list);
    ribbons.publicUrl = Optional.ofNullable(publicUrl);
    ribbons.mode =
        new RunMode() {
          @Override
          public boolean isSandbox() {
            return sandbox;
          }
        };
    ribbons.kyc =
        new KycChecks() {
          @Override
          public boolean isApproved(long userId) {
            return kycApproved;
          }
        };
    ribbons.read();
    return ribbons;
  }
}
