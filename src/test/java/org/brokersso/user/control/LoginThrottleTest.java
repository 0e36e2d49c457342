package org.brokersso.user.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final String TRADER = "trader@example.com";
  private static final String HOME = "203.0.113.7";

  private final ManualClock clock = new ManualClock();
  private final MemoryThrottleCounters counters = new MemoryThrottleCounters();
  private final LoginThrottle throttle =
      new LoginThrottle(
          clock,
          counters,
          Duration.ofMinutes(15),
          5,
          20,
          20,
          Duration.ofMinutes(15),
          Duration.ofSeconds(30)); // the registered defaults

  private void fail(int times, String account, String address) {
    for (int i = 0; i < times; i++) {
      throttle.failed(account, address);
    }
  }

  /** Fails as a patient attacker would: each attempt only once the throttle allows it. */
  private void failWhenAllowed(int times, String account, String address) {
    for (int i = 0; i < times; i++) {
      throttle.waitBefore(account, address).ifPresent(clock::advance);
      throttle.failed(account, address);
    }
  }

  private static Optional<Duration> seconds(long seconds) {
    return Optional.of(Duration.ofSeconds(seconds));
  }

  @Test
  void fiveFailuresAreFreeThenTheWaitDoublesFromOneSecond() {
    fail(5, TRADER, HOME);
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, HOME));
    throttle.failed(TRADER, HOME);
    assertEquals(seconds(1), throttle.waitBefore(TRADER, HOME));
    clock.advance(Duration.ofMillis(400));
    assertEquals(
        Optional.of(Duration.ofMillis(600)),
        throttle.waitBefore(TRADER, HOME),
        "the wait runs down");
    clock.advance(Duration.ofMillis(600));
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, HOME));
    failWhenAllowed(1, TRADER, HOME);
    assertEquals(seconds(2), throttle.waitBefore(TRADER, HOME));
    failWhenAllowed(1, TRADER, HOME);
    assertEquals(seconds(4), throttle.waitBefore(TRADER, HOME));
  }

  @Test
  void theWaitStopsGrowingAtFifteenMinutes() {
    failWhenAllowed(15, TRADER, HOME);
    assertEquals(seconds(512), throttle.waitBefore(TRADER, HOME));
    failWhenAllowed(1, TRADER, HOME);
    assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.waitBefore(TRADER, HOME));
    failWhenAllowed(40, TRADER, HOME);
    assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.waitBefore(TRADER, HOME));
  }

  @Test
  void anotherAddressIsNotSlowedByThePairsFailures() {
    fail(8, TRADER, HOME);
    assertEquals(seconds(4), throttle.waitBefore(TRADER, HOME));
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, "198.51.100.1"));
    assertEquals(Optional.empty(), throttle.waitBefore("other@example.com", HOME));
  }

  @Test
  void successClearsThePairAndTheAccountButNotTheAddress() {
    fail(6, TRADER, HOME);
    assertEquals(seconds(1), throttle.waitBefore(TRADER, HOME));
    throttle.succeeded(TRADER, HOME);
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, HOME));
    throttle.failed(TRADER, HOME);
    assertEquals(
        Optional.empty(), throttle.waitBefore(TRADER, HOME), "the pair counts from zero again");

    // the address has 7 failures; 13 more on other accounts use up its 20 free ones
    for (int i = 0; i < 13; i++) {
      throttle.failed("guess" + i + "@example.com", HOME);
    }
    assertEquals(Optional.empty(), throttle.waitBefore("new@example.com", HOME));
    throttle.failed("guess13@example.com", HOME);
    assertEquals(
        seconds(1), throttle.waitBefore("new@example.com", HOME), "the address was not forgiven");
  }

  @Test
  void successForgivesTheAccountsFailuresFromEveryAddress() {
    for (int i = 0; i < 21; i++) {
      throttle.failed(TRADER, "198.51.100." + i);
    }
    assertEquals(seconds(1), throttle.waitBefore(TRADER, HOME));
    throttle.succeeded(TRADER, HOME);
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, "198.51.100.99"));
  }

  @Test
  void manyAddressesCannotMakeATraderWaitMoreThanThirtySeconds() {
    for (int i = 0; i < 5000; i++) {
      String bot = "10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256);
      throttle.waitBefore(TRADER, bot).ifPresent(clock::advance);
      throttle.failed(TRADER, bot);
    }
    assertEquals(seconds(30), throttle.waitBefore(TRADER, HOME), "the trader, at home");
    fail(500, TRADER, "10.0.0.1");
    assertEquals(
        seconds(30), throttle.waitBefore(TRADER, HOME), "even when the attacker does not wait");
  }

  @Test
  void failuresAreForgottenAWindowAfterTheirWaitRanOut() {
    fail(6, TRADER, HOME);
    clock.advance(Duration.ofSeconds(1).plus(Duration.ofMinutes(15)).minusMillis(1));
    throttle.failed(TRADER, HOME);
    assertEquals(seconds(2), throttle.waitBefore(TRADER, HOME), "7 failures: not yet forgotten");

    clock.advance(Duration.ofSeconds(2).plus(Duration.ofMinutes(15)));
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, HOME));
    fail(5, TRADER, HOME);
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, HOME), "counting from zero again");
  }

  @Test
  void sittingOutTheLongestWaitDoesNotResetTheCount() {
    failWhenAllowed(16, TRADER, HOME);
    assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.waitBefore(TRADER, HOME));
    clock.advance(Duration.ofMinutes(15));
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, HOME));
    throttle.failed(TRADER, HOME);
    assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.waitBefore(TRADER, HOME));
  }

  @Test
  void theAccountIsTheEmailInAnyCaseAndAnIpv6ClientIsItsSlash64() {
    fail(3, "Trader@Example.COM ", "2001:db8:1:2::10");
    fail(3, TRADER, "2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    assertEquals(seconds(1), throttle.waitBefore(TRADER, "2001:0db8:0001:0002::ffff"));
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, "2001:db8:1:3::10"), "another /64");
  }

  @Test
  void addressesBecomeKeysWithoutAnyLookup() {
    assertEquals("2001:db8:0:0::/64", ClientAddress.key("2001:db8::1"));
    assertEquals("192.0.2.1", ClientAddress.key("::ffff:192.0.2.1"));
    assertEquals("192.0.2.1", ClientAddress.key(" 192.0.2.1 "));
    assertEquals("localhost", ClientAddress.key("localhost"));
    assertEquals("1:2:3", ClientAddress.key("1:2:3"));
    assertEquals("", ClientAddress.key(null));
    assertEquals(64, ClientAddress.key("a".repeat(1000)).length());
    assertEquals(
        LoginThrottle.MAX_ACCOUNT_LENGTH, LoginThrottle.accountKey("a".repeat(1000)).length());
  }

  @Test
  void aFreeFailureStampedByAnInstanceWhoseClockRunsAheadImposesNoWait() {
    ManualClock ahead = new ManualClock();
    ahead.advance(Duration.ofMillis(40));
    LoginThrottle other =
        new LoginThrottle(
            ahead,
            counters,
            Duration.ofMinutes(15),
            5,
            20,
            20,
            Duration.ofMinutes(15),
            Duration.ofSeconds(30));
    other.failed(TRADER, HOME); // counted by the other instance, on its clock
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, HOME), "a free failure");
  }

  @Test
  void aCounterMayBeDroppedOnlyOnceItIsForgotten() {
    fail(7, TRADER, HOME);
    Instant last = clock.instant();
    // 7 failures on the pair: a wait of 2 s, then the 15-minute window
    assertEquals(
        last.plusSeconds(2).plus(Duration.ofMinutes(15)),
        counters.forgetAt("login|PAIR|" + TRADER + "|" + HOME));
    clock.advance(Duration.ofSeconds(2).plus(Duration.ofMinutes(15)));
    assertEquals(Optional.empty(), throttle.waitBefore(TRADER, HOME), "forgotten then");
  }

  @Test
  void failuresCountOnTheResolvedAccountWhateverSpellingWasTyped() {
    long alice = 42L;
    // two spellings that both resolved to the trader (say, before and after an e-mail change)
    fail(3, "alice@example.com", alice, HOME);
    fail(2, "alice@example.net", alice, HOME);
    assertEquals(
        Optional.empty(),
        throttle.waitBefore("alice@example.com", alice, HOME),
        "five failures on the account are free");
    throttle.failed("alice@example.net", alice, HOME);
    assertEquals(
        seconds(1),
        throttle.waitBefore("alice@example.com", alice, HOME),
        "the sixth, under another spelling, starts the account's wait");
    assertEquals(
        Optional.empty(),
        throttle.waitBefore("alice@example.com", null, HOME),
        "the typed spelling alone has had only three");
    throttle.succeeded("alice@example.com", alice, HOME);
    assertEquals(Optional.empty(), throttle.waitBefore("alice@example.net", alice, HOME));
  }

  private void fail(int times, String account, long userId, String address) {
    for (int i = 0; i < times; i++) {
      throttle.failed(account, userId, address);
    }
  }

  @Test
  void unusableSettingsAreRefused() {
    Duration quarter = Duration.ofMinutes(15);
    Duration half = Duration.ofSeconds(30);
    Duration tooShort = Duration.ofMillis(500);
    assertThrows(
        IllegalStateException.class,
        () -> new LoginThrottle(clock, counters, Duration.ZERO, 5, 20, 20, quarter, half));
    assertThrows(
        IllegalStateException.class,
        () -> new LoginThrottle(clock, counters, quarter, -1, 20, 20, quarter, half));
    assertThrows(
        IllegalStateException.class,
        () -> new LoginThrottle(clock, counters, quarter, 5, 20, 20, quarter, tooShort));
    IllegalStateException named =
        assertThrows(
            IllegalStateException.class,
            () -> new LoginThrottle(clock, counters, quarter, 5, 20, 20, quarter, tooShort));
    assertTrue(named.getMessage().startsWith("user.login.account-max-delay"), named.getMessage());
  }
}
