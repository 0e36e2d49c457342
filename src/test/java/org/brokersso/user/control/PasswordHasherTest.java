package org.brokersso.user.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private static final char[] PASSWORD = "correct horse battery".toCharArray();

  private static PasswordHasher hasher;
  private static String stored;

  @BeforeAll
  static void hashOnce() {
    hasher = new PasswordHasher(600_000, 2, Duration.ofSeconds(5));
    stored = hasher.hash(PASSWORD);
  }

  @Test
  void theRightPasswordVerifies() {
    assertTrue(hasher.verify("correct horse battery".toCharArray(), stored));
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertFalse(hasher.verify("correct horse batterz".toCharArray(), stored));
    assertFalse(hasher.verify(new char[0], stored));
  }

  @Test
  void theStoredFormNamesSchemeAndIterationsAndHoldsSaltAndHash() {
    String[] parts = stored.split("\\$");
    assertEquals(4, parts.length, "scheme$iterations$salt$hash");
    assertEquals("pbkdf2-sha256", parts[0]);
    assertEquals("600000", parts[1]);
    assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
    assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    assertFalse(stored.contains("="), "Base64 without padding");
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    String again = hasher.hash(PASSWORD);
    assertNotEquals(stored, again);
    assertNotEquals(stored.split("\\$")[2], again.split("\\$")[2], "a fresh salt");
    assertTrue(hasher.verify(PASSWORD, again));
  }

  @Test
  void theCallersPasswordIsLeftIntact() {
    char[] password = "correct horse battery".toCharArray();
    hasher.verify(password, stored);
    assertArrayEquals(PASSWORD, password);
  }

  @Test
  void verificationUsesTheIterationsStoredWithTheHash() {
    PasswordHasher raised = new PasswordHasher(700_000, 2, Duration.ofSeconds(5));
    assertTrue(
        raised.verify(PASSWORD, stored),
        "a hash stored before the count was raised still verifies");
    assertFalse(
        hasher.verify(PASSWORD, stored.replace("$600000$", "$600001$")),
        "another count, another hash");
  }

  @Test
  void aHashWithFewerIterationsThanConfiguredNeedsRehashing() {
    PasswordHasher raised = new PasswordHasher(700_000, 2, Duration.ofSeconds(5));
    assertTrue(raised.needsRehash(stored));
    assertFalse(hasher.needsRehash(stored));
    assertFalse(hasher.needsRehash(stored.replace("$600000$", "$900000$")));
  }

  @Test
  void fewerThan600000IterationsAreRefused() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> new PasswordHasher(599_999, 2, Duration.ofSeconds(5)));
    assertTrue(
        refused.getMessage().contains("user.password.iterations")
            && refused.getMessage().contains("600000"));
    assertThrows(
        IllegalStateException.class, () -> new PasswordHasher(600_000, 0, Duration.ofSeconds(5)));
  }

  @Test
  void aMalformedStoredValueIsReportedWithoutBeingQuoted() {
    for (String malformed :
        new String[] {
          "",
          "secret",
          "bcrypt$600000$AAAA$AAAA",
          "pbkdf2-sha256$x$AAAA$AAAA",
          "pbkdf2-sha256$600000$AAAA$AAAA",
          "pbkdf2-sha256$600000$!!!$" + stored.split("\\$")[3]
        }) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class, () -> hasher.verify(PASSWORD, malformed), malformed);
      assertFalse(
          !malformed.isEmpty() && refused.getMessage().contains(malformed), refused.getMessage());
    }
  }

  @Test
  void anUnknownAccountIsCheckedAgainstADummyAndRefused() {
    assertFalse(hasher.verifyAgainstDummy(PASSWORD));
    assertFalse(hasher.verify(PASSWORD, null));
  }

  @Test
  void noTurnWithinTheWaitMeansBusy() {
    PasswordHasher single = new PasswordHasher(600_000, 1, Duration.ofMillis(50));
    single.permits.acquireUninterruptibly(); // another login is hashing
    try {
      assertThrows(PasswordHashingBusy.class, () -> single.hash(PASSWORD));
      assertThrows(PasswordHashingBusy.class, () -> single.verify(PASSWORD, stored));
      assertThrows(PasswordHashingBusy.class, () -> single.verifyAgainstDummy(PASSWORD));
    } finally {
      single.permits.release();
    }
    assertTrue(single.verify(PASSWORD, stored), "the permit is free again");
    assertEquals(
        1,
        single.permits.availablePermits(),
        "every hash gave its permit back, the refused ones too");
  }

  @Test
  void aWaitingLoginProceedsWhenATurnFreesUp() throws Exception {
    PasswordHasher single = new PasswordHasher(600_000, 1, Duration.ofMinutes(1));
    single.permits.acquireUninterruptibly();
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(() -> single.verify(PASSWORD, stored));
    while (!single.permits.hasQueuedThreads()) {
      Thread.onSpinWait();
    }
    assertFalse(waiting.isDone(), "it waits for the permit");
    single.permits.release();
    assertTrue(waiting.get(1, TimeUnit.MINUTES));
  }

  /** Not an assertion: the figure the documentation quotes for one hash on the build machine. */
  @Test
  void printsWhatOneHashCosts() {
    hasher.hash(PASSWORD); // warm-up
    long[] millis = new long[5];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      hasher.verify(PASSWORD, stored);
      millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
    long start = System.nanoTime();
    hasher.verifyAgainstDummy(PASSWORD);
    long dummy = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "PBKDF2-HMAC-SHA256, 600000 iterations, %d cores: verify %s ms, dummy %d ms%n",
        Runtime.getRuntime().availableProcessors(), java.util.Arrays.toString(millis), dummy);
  }
}
