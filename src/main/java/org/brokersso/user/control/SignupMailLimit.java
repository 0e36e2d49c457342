package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@value #PER_WINDOW} signup mails (codes or "someone tried to sign up") per address and
 * hour, so that the signup form cannot flood an inbox, and guessing a code for an address one does
 * not own gets {@value #PER_WINDOW} × {@code PendingSignup.ATTEMPTS} tries an hour, not more. A
 * signup over the limit is answered as any other; only its mail is not sent. Counted across every
 * instance of a cluster, like the login throttle ({@link ThrottleCounters}).
 */
@ApplicationScoped
public class SignupMailLimit {

  static final int PER_WINDOW = 5;
  static final Duration WINDOW = Duration.ofHours(1);

  private ThrottleCounters counters;

  SignupMailLimit() {} // for CDI's client proxy

  @Inject
  SignupMailLimit(ThrottleCounters counters) {
    this.counters = counters;
  }

  /** Counts a mail to {@code address} now; whether it may go. */
  public boolean allows(String address, Instant now) {
    RecentFailures counted =
        counters.add(
            "signup-mail|" + address,
            now,
            sent -> !now.isBefore(sent.first().plus(WINDOW)),
            sent -> sent.first().plus(WINDOW));
    return counted.count() <= PER_WINDOW;
  }
}
