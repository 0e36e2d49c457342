package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.brokersso.user.control.ClientAddress;
import org.brokersso.user.control.FailureLimit;
import org.brokersso.user.control.RecentFailures;
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
 * <p>In memory, per server instance, at most {@code sso.crm-api-token.tracked-addresses} addresses
 * (forgotten ones dropped first, then the oldest). What the defaults allow one address: 5 guesses
 * at once, 7 more in the next two minutes, then one a minute (instead of some 160 a second); the
 * real defence is the password's length (live mode demands 16 characters).
 */
@ApplicationScoped
public class CrmApiBackOff {

  private Clock clock;
  private FailureLimit limit;
  private Duration window;
  private int bound;
  private final Map<String, RecentFailures> failures = new ConcurrentHashMap<>();
  private final ReentrantLock trimming = new ReentrantLock();

  CrmApiBackOff() {} // for CDI's client proxy

  @Inject
  CrmApiBackOff(
      Clock clock,
      @ConfigProperty(name = "sso.crm-api-token.free-failures") int free,
      @ConfigProperty(name = "sso.crm-api-token.max-delay") Duration maxDelay,
      @ConfigProperty(name = "sso.crm-api-token.failure-window") Duration window,
      @ConfigProperty(name = "sso.crm-api-token.tracked-addresses") int trackedAddresses) {
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
    if (trackedAddresses < 1) {
      throw new IllegalStateException(
          "sso.crm-api-token.tracked-addresses must be at least 1, not " + trackedAddresses);
    }
    this.clock = clock;
    this.limit = new FailureLimit(free, maxDelay);
    this.window = window;
    this.bound = trackedAddresses;
  }

  /** Created at deployment, so that a bad setting stops the start rather than the first call. */
  void checkSettingsAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  /** How long this address must wait before its next attempt; empty: it may try now. */
  public Optional<Duration> waitBefore(String address) {
    Instant now = clock.instant();
    String key = ClientAddress.key(address);
    RecentFailures recent = failures.get(key);
    if (recent == null) {
      return Optional.empty();
    }
    if (recent.forgottenAt(now, limit, window)) {
      failures.remove(key, recent);
      return Optional.empty();
    }
    Instant allowed = recent.nextAttempt(limit);
    return allowed.isAfter(now) ? Optional.of(Duration.between(now, allowed)) : Optional.empty();
  }

  /** A wrong password from this address. */
  public void failed(String address) {
    Instant now = clock.instant();
    failures.merge(
        ClientAddress.key(address),
        RecentFailures.first(now),
        (recent, first) -> recent.forgottenAt(now, limit, window) ? first : recent.plusOne(now));
    if (failures.size() > bound) {
      trim(now);
    }
  }

  /** The right password: this address's failures are forgiven. */
  public void succeeded(String address) {
    failures.remove(ClientAddress.key(address));
  }

  /** How many addresses are tracked, for the test of the bound. */
  int trackedAddresses() {
    return failures.size();
  }

  private void trim(Instant now) {
    if (!trimming.tryLock()) {
      return;
    }
    try {
      failures.entrySet().removeIf(e -> e.getValue().forgottenAt(now, limit, window));
      if (failures.size() > bound) {
        failures.entrySet().stream()
            .sorted(Comparator.comparing(e -> e.getValue().last()))
            .limit(failures.size() - (bound - bound / 10))
            .toList()
            .forEach(e -> failures.remove(e.getKey(), e.getValue()));
      }
    } finally {
      trimming.unlock();
    }
  }
}
