package org.brokersso.kyc.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KycCaseTest {

  private static final Instant SUBMITTED = Instant.parse("2025-01-02T10:00:00Z");
  private static final Instant LATER = SUBMITTED.plusSeconds(3600);

  private final KycCase kase = new KycCase(42, "poa", "sandbox", SUBMITTED);

  @Test
  @DisplayName("a new case is pending and waits for the provider until it has a reference")
  void newCase() {
    assertEquals(KycStatus.PENDING, kase.status());
    assertTrue(kase.awaitsProvider());
    assertTrue(kase.standsInForNewApplication());
    kase.sent("ref-1");
    assertFalse(kase.awaitsProvider());
    assertTrue(kase.decidedAt().isEmpty());
  }

  @Test
  void approve() {
    assertTrue(kase.decide(KycStatus.APPROVED, "  documents fine ", LATER));
    assertEquals(KycStatus.APPROVED, kase.status());
    assertEquals("documents fine", kase.reason());
    assertEquals(LATER, kase.decidedAt().orElseThrow());
    assertTrue(kase.standsInForNewApplication());
  }

  @Test
  @DisplayName("a rejected case no longer stands in for a new application")
  void reject() {
    assertTrue(kase.decide(KycStatus.REJECTED, "", LATER));
    assertNull(kase.reason());
    assertFalse(kase.standsInForNewApplication());
    assertFalse(kase.awaitsProvider());
  }

  @Test
  @DisplayName("the same decision again changes nothing, not even the time")
  void sameDecisionTwice() {
    kase.decide(KycStatus.APPROVED, "first", LATER);
    assertFalse(kase.decide(KycStatus.APPROVED, "second", LATER.plusSeconds(5)));
    assertEquals("first", kase.reason());
    assertEquals(LATER, kase.decidedAt().orElseThrow());
  }

  @Test
  @DisplayName("decisions are final: the opposite one is refused")
  void oppositeDecisionRefused() {
    kase.decide(KycStatus.REJECTED, null, LATER);
    assertThrows(KycAlreadyDecided.class, () -> kase.decide(KycStatus.APPROVED, null, LATER));
    assertEquals(KycStatus.REJECTED, kase.status());
  }

  @Test
  void onlyApprovalOrRejectionIsADecision() {
    assertThrows(IllegalArgumentException.class, () -> kase.decide(KycStatus.PENDING, null, LATER));
    assertThrows(
        IllegalArgumentException.class, () -> kase.decide(KycStatus.NOT_STARTED, null, LATER));
  }

  @Test
  void longReasonIsCut() {
    kase.decide(KycStatus.REJECTED, "x".repeat(300), LATER);
    assertEquals(255, kase.reason().length());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "poa | poa",
        "'  Proof of address ' | Proof of address",
        "'' | NULL",
        "'   ' | NULL",
        "NULL | NULL",
        "'id\tcard\n' | idcard"
      })
  @DisplayName("kycType: any text, without control characters, blank is none")
  void kycType(String raw, String kept) {
    assertEquals(kept, KycCase.kycType(raw));
  }

  @Test
  @DisplayName("kycType is cut to 64 characters, never inside a surrogate pair")
  void kycTypeCut() {
    assertEquals("a".repeat(64), KycCase.kycType("a".repeat(100)));
    String emoji = "\uD83D\uDE00";
    String cut = KycCase.kycType("a".repeat(63) + emoji + "b");
    assertEquals("a".repeat(63), cut);
  }
}
