package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@value #PER_WINDOW} signup mails (codes or "someone tried to sign up") per address and
 * hour, so that the signup form cannot flood an inbox, and guessing a code for an address one does
 * not own gets {@value #PER_WINDOW} × {@code PendingSignup.ATTEMPTS} tries an hour, not more. A
 * signup over the limit is answered as any other; only its mail is not sent. In memory, per server
 * instance, like the login throttle; at most {@value #TRACKED} addresses are kept.
 */
@ApplicationScoped
public class SignupMailLimit {

  static final int PER_WINDOW = 5;
  static final Duration WINDOW = Duration.ofHours(1);
  static final int TRACKED = 100_000;

  private record Sent(Instant since, int count) {}

  private final Map<String, Sent> sent = new ConcurrentHashMap<>();

  /** Counts a mail to {@code address} now; whether it may go. */
  public boolean allows(String address, Instant now) {
    Sent counted =
        sent.compute(
            address,
            (key, before) ->
                before == null || !now.isBefore(before.since().plus(WINDOW))
                    ? new Sent(now, 1)
                    : new Sent(before.since(), before.count() + 1));
    if (sent.size() > TRACKED) {
      sent.values().removeIf(s -> !now.isBefore(s.since().plus(WINDOW)));
      if (sent.size() > TRACKED) {
        sent.clear(); // a flood of fresh addresses: forgetting beats running out of memory
      }
    }
    return counted.count() <= PER_WINDOW;
  }
}
