package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.brokersso.user.control.ClientAddress;
import org.brokersso.user.control.FailureLimit;
import org.brokersso.user.control.RecentFailures;
import org.brokersso.user.control.ThrottleCounters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows guessing of the CRM API password (call 4.1) down, per client address: the first {@code
 * sso.crm-api-token.free-failures} (5) wrong passwords from an address cost nothing, each further
 * one makes that address wait before its next attempt, the wait doubling from one second up to
 * {@code sso.crm-api-token.max-delay} (1 min). While an address waits, even the right password is
 * refused unchecked, so the answers tell a guesser nothing.
 *
 * <p>Why it cannot lock cTrader out: the key is the address the connection comes from, which an
 * attacker cannot forge for a TCP connection, so a guesser only ever makes its own address wait;
 * and the right password from an address forgives that address's failures, so a cTrader that sent
 * an old password during a rotation is back to normal with its first success. A counter is
 * forgotten when {@code sso.crm-api-token.failure-window} (15 min) passes after its wait ran out.
 * Behind a reverse proxy the server must report the client's address (as for the login throttle),
 * or every caller shares the proxy's counter.
 *
 * <p>Counted across every instance of a cluster ({@link ThrottleCounters}, in the database), so
 * several instances allow one address no more than one does. What the defaults allow one address: 5
 * guesses at once, 7 more in the next two minutes, then one a minute (instead of some 160 a
 * second); the real defence is the password's length (live mode demands 16 characters).
 */
@ApplicationScoped
public class CrmApiBackOff {

  private Clock clock;
  private FailureLimit limit;
  private Duration window;
  private ThrottleCounters counters;

  CrmApiBackOff() {} // for CDI's client proxy

  @Inject
  CrmApiBackOff(
      Clock clock,
      ThrottleCounters counters,
      @ConfigProperty(name = "sso.crm-api-token.free-failures") int free,
      @ConfigProperty(name = "sso.crm-api-token.max-delay") Duration maxDelay,
      @ConfigProperty(name = "sso.crm-api-token.failure-window") Duration window) {
    if (free < 0) {
      throw new IllegalStateException(
          "sso.crm-api-token.free-failures must not be negative, not " + free);
    }
    if (maxDelay.compareTo(FailureLimit.FIRST_DELAY) < 0) {
      throw new IllegalStateException(
          "sso.crm-api-token.max-delay must be at least PT1S, the first wait, not " + maxDelay);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalStateException(
          "sso.crm-api-token.failure-window must be a positive duration, not " + window);
    }
    this.clock = clock;
    this.counters = counters;
    this.limit = new FailureLimit(free, maxDelay);
    this.window = window;
  }

  /** Created at deployment, so that a bad setting stops the start rather than the first call. */
  void checkSettingsAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  /** How long this address must wait before its next attempt; empty: it may try now. */
  public Optional<Duration> waitBefore(String address) {
    return standing(address).waitBefore();
  }

  /**
   * What the counters say of this address: its wait, and whether any failure is on record (when
   * none is, the right password has nothing to forgive, and the call 4.1 writes nothing for it).
   */
  public Standing standing(String address) {
    Instant now = clock.instant();
    String key = key(address);
    RecentFailures recent = counters.read(List.of(key)).get(key);
    if (recent == null) {
      return new Standing(Optional.empty(), false);
    }
    if (!recent.imposeAWait(limit) || recent.forgottenAt(now, limit, window)) {
      return new Standing(Optional.empty(), true);
    }
    Instant allowed = recent.nextAttempt(limit);
    return new Standing(
        allowed.isAfter(now) ? Optional.of(Duration.between(now, allowed)) : Optional.empty(),
        true);
  }

  /** An address's standing: see {@link #standing}. */
  public record Standing(Optional<Duration> waitBefore, boolean failuresOnRecord) {}

  /** The right password, with the standing read before it was checked. */
  public void succeeded(String address, Standing before) {
    if (before.failuresOnRecord()) {
      succeeded(address);
    }
  }

  /** A wrong password from this address. */
  public void failed(String address) {
    Instant now = clock.instant();
    counters.add(
        key(address),
        now,
        recent -> recent.forgottenAt(now, limit, window),
        recent -> recent.forgetAt(limit, window));
  }

  /** The right password: this address's failures are forgiven. */
  public void succeeded(String address) {
    counters.forget(List.of(key(address)));
  }

  private static String key(String address) {
    return "crm-api|" + ClientAddress.key(address);
  }
}
