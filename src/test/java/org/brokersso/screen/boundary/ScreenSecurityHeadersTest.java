package org.brokersso.screen.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The header decisions of {@link ScreenSecurityHeaders} that depend on the configuration. */
class ScreenSecurityHeadersTest {

  @Test
  @DisplayName(
      "X-Frame-Options only where it says what frame-ancestors says: DENY for 'none', SAMEORIGIN for 'self', none for cTrader's origins")
  void frameOptionsNeverContradictFrameAncestors() {
    assertEquals(
        Optional.empty(), ScreenSecurityHeaders.frameOptions("'self' https://app.ctrader.com"));
    assertEquals(Optional.empty(), ScreenSecurityHeaders.frameOptions("https://app.ctrader.com"));
    assertEquals(Optional.of("DENY"), ScreenSecurityHeaders.frameOptions(" 'none' "));
    assertEquals(Optional.of("SAMEORIGIN"), ScreenSecurityHeaders.frameOptions("'SELF'"));
    assertEquals(
        List.of("'self'", "https://app.ctrader.com", "https://ct.broker.example"),
        ScreenSecurityHeaders.sources(
            "'self', https://app.ctrader.com ,https://ct.broker.example"));
  }

  @Test
  @DisplayName("HSTS only when the public URL is https; never for http or without one (sandbox)")
  void transportSecurityOnlyForHttps() {
    assertEquals(
        Optional.of("max-age=31536000; includeSubDomains"),
        ScreenSecurityHeaders.transportSecurity(Optional.of("https://crm.example.com")));
    assertEquals(
        Optional.of("max-age=31536000; includeSubDomains"),
        ScreenSecurityHeaders.transportSecurity(Optional.of(" HTTPS://crm.example.com/")));
    assertEquals(
        Optional.empty(),
        ScreenSecurityHeaders.transportSecurity(Optional.of("http://localhost:8080")));
    assertEquals(Optional.empty(), ScreenSecurityHeaders.transportSecurity(Optional.empty()));
  }
}
