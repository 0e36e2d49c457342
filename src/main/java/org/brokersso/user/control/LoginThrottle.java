package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.brokersso.setup.control.SettingsChecked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing on the login screen down without letting anyone lock a trader out. It
 * counts recent failed logins on three keys; once a key has used its free failures, every further
 * failure makes the next attempt on that key wait, the wait doubling from one second up to a cap:
 *
 * <table>
 *   <caption>Keys (defaults in brackets)</caption>
 *   <tr><th>key</th><th>free failures</th><th>longest wait</th><th>against</th></tr>
 *   <tr><td>account and address (the pair)</td><td>{@code user.login.free-failures} (5)</td>
 *       <td>{@code user.login.max-delay} (15 min)</td><td>one client guessing one trader's password</td></tr>
 *   <tr><td>address</td><td>{@code user.login.address-free-failures} (20)</td>
 *       <td>{@code user.login.max-delay} (15 min)</td><td>one client trying a few passwords on many accounts</td></tr>
 *   <tr><td>account</td><td>{@code user.login.account-free-failures} (20)</td>
 *       <td>{@code user.login.account-max-delay} (30 s)</td><td>many clients guessing one trader's password</td></tr>
 * </table>
 *
 * <p>Only the account key is shared between strangers and the trader, so its wait stays short: a
 * botnet can slow a trader's login down to one attempt per 30 seconds, never lock it. Past that
 * allowance the trader loses at most those 30 seconds, so a larger allowance would buy attackers
 * guesses and traders nothing. The other two keys hold only the attacker's own address (and whoever
 * shares it behind a NAT). A counter is forgotten when {@code user.login.failure-window} (15 min)
 * passes after its wait has run out with no new failure, so a key at its cap is not reset by just
 * sitting out the wait. A successful login clears the pair and account counters; the address
 * counter stays, since one right password does not make that address's other failures honest.
 *
 * <p>What the defaults allow: one client on one trader gets 16 guesses in 17 minutes, then one per
 * 15 minutes, or 16 again after a further 30 minutes: about 20 an hour. Clients on enough addresses
 * get about 120 an hour on one trader (one per {@code user.login.account-max-delay}); against those
 * the defence is the length {@link PasswordPolicy} demands.
 *
 * <p>On the login screen: ask {@link #waitBefore} first and, when it names a wait, answer "try
 * again in …" without checking the password, which also spares the CPU; otherwise check it (with
 * {@link PasswordHasher#verifyAgainstDummy} for an unknown e-mail) and report {@link #failed} or
 * {@link #succeeded}. Unknown e-mails count like known ones, so the throttle reveals none.
 *
 * <p>The account is the e-mail as typed, in its canonical form ({@code EmailAddress}), stripped,
 * lower-cased and cut at 254 characters (the longest e-mail). When it resolves to a trader, the
 * pair and account keys are counted a second time under the trader's id, so that no other spelling
 * of an address, and no change of it, starts a trader's counters afresh. The address is the
 * client's as the screen sees it; an IPv6 address counts as its /64, because a subscriber usually
 * holds the whole /64 and can pick any address in it.
 *
 * <p>The counters are shared by every instance of a cluster ({@link ThrottleCounters}, in the
 * database), so a cluster of any size allows what one instance allows, and a restart forgets
 * nothing. Counters past their use are deleted, so random e-mails cannot grow the table without
 * bound: a failed login costs a PBKDF2 hash first ({@code user.password.hashing-concurrency}).
 */
@ApplicationScoped
public class LoginThrottle implements SettingsChecked {

  static final int MAX_ACCOUNT_LENGTH = 254;

  private Clock clock;
  private Duration window;
  private FailureLimit pair;
  private FailureLimit address;
  private FailureLimit account;
  private ThrottleCounters counters;

  LoginThrottle() {} // for CDI's client proxy

  @Inject
  LoginThrottle(
      Clock clock,
      ThrottleCounters counters,
      @ConfigProperty(name = "user.login.failure-window") Duration window,
      @ConfigProperty(name = "user.login.free-failures") int pairFree,
      @ConfigProperty(name = "user.login.address-free-failures") int addressFree,
      @ConfigProperty(name = "user.login.account-free-failures") int accountFree,
      @ConfigProperty(name = "user.login.max-delay") Duration maxDelay,
      @ConfigProperty(name = "user.login.account-max-delay") Duration accountMaxDelay) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalStateException(
          "user.login.failure-window must be a positive duration, not " + window);
    }
    this.clock = clock;
    this.counters = counters;
    this.window = window;
    this.pair = limit(pairFree, maxDelay, "user.login.free-failures", "user.login.max-delay");
    this.address =
        limit(addressFree, maxDelay, "user.login.address-free-failures", "user.login.max-delay");
    this.account =
        limit(
            accountFree,
            accountMaxDelay,
            "user.login.account-free-failures",
            "user.login.account-max-delay");
  }

  /**
   * How long this account and address must wait before the next attempt; empty: they may try now.
   */
  public Optional<Duration> waitBefore(String account, String address) {
    return waitBefore(account, null, address);
  }

  /**
   * As {@link #waitBefore(String, String)}, also counting the failures of the account the e-mail
   * resolved to ({@code userId}; null when none), whatever spelling of its address they typed.
   */
  public Optional<Duration> waitBefore(String account, Long userId, String address) {
    Instant now = clock.instant();
    Instant allowed = now;
    List<Key> keys = keys(account, userId, address);
    Map<String, RecentFailures> counted = counters.read(keys.stream().map(Key::text).toList());
    for (Key key : keys) {
      RecentFailures recent = counted.get(key.text());
      if (recent != null
          && recent.imposeAWait(limit(key))
          && !recent.forgottenAt(now, limit(key), window)
          && recent.nextAttempt(limit(key)).isAfter(allowed)) {
        allowed = recent.nextAttempt(limit(key));
      }
    }
    return allowed.isAfter(now) ? Optional.of(Duration.between(now, allowed)) : Optional.empty();
  }

  /** A wrong password, or an unknown account, from this address. */
  public void failed(String account, String address) {
    failed(account, null, address);
  }

  /**
   * A wrong password for the account {@code userId} (null: the e-mail is nobody's). The keys are
   * counted in one order, so that two failures never wait for each other's keys in a cycle.
   */
  public void failed(String account, Long userId, String address) {
    Instant now = clock.instant();
    keys(account, userId, address).stream()
        .sorted(Comparator.comparing(Key::text))
        .forEach(
            key ->
                counters.add(
                    key.text(),
                    now,
                    recent -> recent.forgottenAt(now, limit(key), window),
                    recent -> recent.forgetAt(limit(key), window)));
  }

  /**
   * The right password: the pair's and the account's failures are forgiven, the address's are not.
   */
  public void succeeded(String account, String address) {
    succeeded(account, null, address);
  }

  /** The right password for the account {@code userId}: its counters are forgiven too. */
  public void succeeded(String account, Long userId, String address) {
    String accountKey = accountKey(account);
    List<Key> forgiven = new ArrayList<>();
    forgiven.add(new Key(Scope.PAIR, accountKey, ClientAddress.key(address)));
    forgiven.add(new Key(Scope.ACCOUNT, accountKey, ""));
    if (userId != null) {
      forgiven.add(new Key(Scope.USER_PAIR, userId.toString(), ClientAddress.key(address)));
      forgiven.add(new Key(Scope.USER, userId.toString(), ""));
    }
    counters.forget(forgiven.stream().map(Key::text).toList());
  }

  private List<Key> keys(String account, Long userId, String address) {
    String accountKey = accountKey(account);
    String addressKey = ClientAddress.key(address);
    List<Key> keys =
        new ArrayList<>(
            List.of(
                new Key(Scope.PAIR, accountKey, addressKey),
                new Key(Scope.ADDRESS, "", addressKey),
                new Key(Scope.ACCOUNT, accountKey, "")));
    if (userId != null) {
      keys.add(new Key(Scope.USER_PAIR, userId.toString(), addressKey));
      keys.add(new Key(Scope.USER, userId.toString(), ""));
    }
    return keys;
  }

  private FailureLimit limit(Key key) {
    return switch (key.scope()) {
      case PAIR, USER_PAIR -> pair;
      case ADDRESS -> address;
      case ACCOUNT, USER -> account;
    };
  }

  static String accountKey(String account) {
    String key = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    return key.length() > MAX_ACCOUNT_LENGTH ? key.substring(0, MAX_ACCOUNT_LENGTH) : key;
  }

  private static FailureLimit limit(int free, Duration maxDelay, String freeKey, String delayKey) {
    if (free < 0) {
      throw new IllegalStateException(freeKey + " must not be negative, not " + free);
    }
    if (maxDelay.compareTo(FailureLimit.FIRST_DELAY) < 0) {
      throw new IllegalStateException(
          delayKey + " must be at least PT1S, the first wait, not " + maxDelay);
    }
    return new FailureLimit(free, maxDelay);
  }

  private enum Scope {
    PAIR,
    ADDRESS,
    ACCOUNT,
    /** The pair, for the account the e-mail resolved to (its id), whatever spelling was typed. */
    USER_PAIR,
    /** The account the e-mail resolved to. */
    USER
  }

  private record Key(Scope scope, String account, String address) {

    /** The counter's key: "login", the scope, the account and the address. */
    String text() {
      return "login|" + scope + "|" + account + "|" + address;
    }
  }
}
