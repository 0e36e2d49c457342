package org.brokersso.funding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentProviderSelectorTest {

  @Test
  void theSandboxPaysWithTheSandboxProviderUnlessSwitchedOff() {
    assertEquals("sandbox", PaymentProviderSelector.choice(Optional.empty(), true));
    assertEquals("none", PaymentProviderSelector.choice(Optional.of(" none "), true));
  }

  @Test
  void aLiveServerMustSayNoneUntilARealProviderExists() {
    assertTrue(
        assertThrows(
                IllegalStateException.class,
                () -> PaymentProviderSelector.choice(Optional.empty(), false))
            .getMessage()
            .contains("FUNDING_PROVIDER"));
    assertTrue(
        assertThrows(
                IllegalStateException.class,
                () -> PaymentProviderSelector.choice(Optional.of("sandbox"), false))
            .getMessage()
            .contains("without collecting money"));
    assertEquals("none", PaymentProviderSelector.choice(Optional.of("none"), false));
    assertThrows(
        IllegalStateException.class,
        () -> PaymentProviderSelector.choice(Optional.of("stripe"), false));
  }
}
