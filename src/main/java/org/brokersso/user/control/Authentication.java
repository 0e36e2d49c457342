package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.user.entity.EmailAddress;
import org.brokersso.user.entity.User;

/**
 * Checks a trader's e-mail and password (§6.2 stage 4), behind {@link LoginThrottle}. An unknown
 * address costs the same hashing time as a known one, so timing does not tell which exist.
 */
@ApplicationScoped
@Transactional
public class Authentication {

  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottle throttle;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  public sealed interface Outcome {}

  public record Authenticated(User user) implements Outcome {}

  public record WrongCredentials() implements Outcome {}

  public record Throttled(Duration retryAfter) implements Outcome {}

  public Outcome authenticate(String email, char[] password, String clientAddress) {
    String account = EmailAddress.normalise(email); // the canonical form, as stored
    Optional<User> user = users.byEmail(new EmailAddress(account));
    Long resolved = user.map(User::id).orElse(null);
    Optional<Duration> wait = throttle.waitBefore(account, resolved, clientAddress);
    if (wait.isPresent()) {
      return new Throttled(wait.get());
    }
    boolean matches;
    if (user.isPresent() && user.get().passwordHash() != null) {
      matches = hasher.verify(password, user.get().passwordHash());
    } else {
      hasher.verifyAgainstDummy(password);
      matches = false;
    }
    if (!matches) {
      throttle.failed(account, resolved, clientAddress);
      audit.record(
          AuditEvent.refusal(clock.instant(), "user", AuditAction.USER_LOGIN)
              .user(user.map(User::id).orElse(null), user.map(User::ctidUserId).orElse(null))
              .detail("wrong e-mail or password"));
      return new WrongCredentials();
    }
    throttle.succeeded(account, resolved, clientAddress);
    if (hasher.needsRehash(user.get().passwordHash())) {
      user.get().changePassword(hasher.hash(password));
    }
    audit.record(
        AuditEvent.success(clock.instant(), "user", AuditAction.USER_LOGIN)
            .user(user.get().id(), user.get().ctidUserId()));
    return new Authenticated(user.get());
  }
}
