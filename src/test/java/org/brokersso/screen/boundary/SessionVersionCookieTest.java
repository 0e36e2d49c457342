package org.brokersso.screen.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionVersionCookieTest {

  @Test
  @DisplayName("the session version is written as Payara writes it: hex context path, ':', version")
  void writtenAsPayaraWritesIt() {
    assertEquals(":7", SessionCookieAttributes.sessionVersion(Map.of("", "7")));
    assertEquals("2f7373:12", SessionCookieAttributes.sessionVersion(Map.of("/ss", "12")));
  }
}
