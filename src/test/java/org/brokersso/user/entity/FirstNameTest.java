package org.brokersso.user.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FirstNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ada",
        "José",
        "Zoë",
        "O'Brien",
        "D’Arcy",
        "Anne-Marie",
        "Mary Jane",
        "محمد",
        "Nguyễn Văn",
        "李",
        "Ωμέγα",
        "Ａｄａ"
      })
  void namesOfPeopleAreAccepted(String name) {
    assertTrue(FirstName.isAcceptable(name), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "there. Your account is on hold until you verify it at https://example.invalid/login",
        "example.invalid",
        "Ada:",
        "Ada/Bob",
        "<b>Ada</b>",
        "Ada\u0007",
        "Ada\u202Eevil",
        "Ada\u200Bx",
        "Ada\tLovelace",
        "Ada\nLovelace",
        "Ada2",
        "-Ada",
        "Ada-",
        "Ada--Bob",
        "O''Brien",
        "'",
        "\u0301Ada"
      })
  void whatIsNotANameIsRefused(String name) {
    assertFalse(FirstName.isAcceptable(name), name);
  }

  @Test
  void atMostSixtyCharacters() {
    assertTrue(FirstName.isAcceptable("a".repeat(60)));
    assertFalse(FirstName.isAcceptable("a".repeat(61)));
    assertTrue(FirstName.isAcceptable("é".repeat(60)), "counted after NFC, in characters");
    assertTrue(FirstName.isAcceptable("e\u0301".repeat(60)), "decomposed: 120 chars, 60 in NFC");
  }

  @Test
  void normalisedToNfcTrimmedAndSingleSpaced() {
    assertEquals("Éric", FirstName.of("  E\u0301ric ").value());
    assertEquals("Mary Jane", FirstName.of("Mary    Jane").value());
  }
}
