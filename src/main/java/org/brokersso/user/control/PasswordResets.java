package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.mail.control.MailTexts;
import org.brokersso.mail.entity.OutgoingMail;
import org.brokersso.tokens.control.TokenHasher;
import org.brokersso.tokens.control.TokenMint;
import org.brokersso.tokens.entity.TokenKind;
import org.brokersso.user.entity.EmailAddress;
import org.brokersso.user.entity.PasswordResetToken;
import org.brokersso.user.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Reset password" (§5.4, conformance 6.3.9): a single-use link by e-mail, then a new password.
 *
 * <p>Guarantees: the answer to a request never tells whether the address is a trader's; a trader
 * gets at most one link a minute, so the form cannot flood an inbox; a link works once, within
 * {@code user.password-reset.ttl}, and is stored only as its hash; a newer link voids the older
 * ones; a reset ends every other credential of the trader ({@link CredentialRevocation}).
 */
@ApplicationScoped
@Transactional
public class PasswordResets {

  private static final Duration ONE_LINK_PER = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;

  @Inject Users users;
  @Inject CredentialRevocation revocation;
  @Inject TokenMint mint;
  @Inject PasswordHasher hasher;
  @Inject MailTexts texts;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "user.password-reset.ttl")
  Duration ttl;

  /** Thrown for a link that is unknown, used or expired; the screen offers to send a new one. */
  public static class LinkInvalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LinkInvalid() {
      super("password-reset link unknown, used or expired", null, false, false);
    }
  }

  /**
   * The mail with a reset link for the trader with this address, if there is one and they got no
   * link in the last minute; links point at {@code publicBase}. Meant to run off the request thread
   * ({@code MailDispatch}), so that the screen's answer takes the same time either way; the mail is
   * sent after this transaction commits.
   */
  public Optional<OutgoingMail> request(EmailAddress email, String language, URI publicBase) {
    Optional<User> found = users.byEmail(email);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    User user = found.get();
    Instant now = clock.instant();
    Long latest =
        em.createNamedQuery(PasswordResetToken.LATEST_OF_USER, Long.class)
            .setParameter("user", user)
            .getSingleResult();
    if (latest != null && now.toEpochMilli() - latest < ONE_LINK_PER.toMillis()) {
      return Optional.empty();
    }
    int voided = revocation.voidResetLinks(user, now); // only the newest link sets a password
    TokenMint.MintedToken token = mint.mint(TokenKind.PASSWORD_RESET);
    em.persist(new PasswordResetToken(token.hash(), user, now, now.plus(ttl)));
    String lang = user.preferredLanguage() != null ? user.preferredLanguage() : language;
    URI link =
        publicBase.resolve(
            "auth/reset?token="
                + token.value()
                + "&lang="
                + URLEncoder.encode(lang, StandardCharsets.UTF_8));
    audit.record(
        AuditEvent.success(now, "user", AuditAction.PASSWORD_RESET_REQUEST)
            .user(user.id(), user.ctidUserId())
            .token(token.hash())
            .detail("older links voided: " + voided));
    return Optional.of(texts.passwordReset(user.email(), lang, link, ttl));
  }

  /** Whether the link may still be used (the form is shown only then). */
  public boolean isUsable(String token) {
    return find(token).filter(t -> !t.isConsumed() && !t.isExpiredAt(clock.instant())).isPresent();
  }

  /** The address of the trader a usable link is for, for password managers' username field. */
  public Optional<String> holder(String token) {
    return find(token)
        .filter(t -> !t.isConsumed() && !t.isExpiredAt(clock.instant()))
        .map(t -> t.user().email());
  }

  /**
   * Uses the link: the trader's password becomes {@code newPassword}, and every other credential of
   * theirs ends; answers the trader (with the new generation of credentials to sign in under).
   */
  public User reset(String token, char[] newPassword) {
    PasswordResetToken reset = find(token).orElseThrow(LinkInvalid::new);
    String newHash = hasher.hash(newPassword);
    Instant now = clock.instant();
    int won =
        em.createNamedQuery(PasswordResetToken.CONSUME)
            .setParameter("id", reset.id())
            .setParameter("now", now.toEpochMilli())
            .executeUpdate();
    if (won != 1) {
      throw new LinkInvalid();
    }
    User user = reset.user();
    user.changePassword(newHash);
    audit.record(
        AuditEvent.success(now, "user", AuditAction.PASSWORD_CHANGE)
            .user(user.id(), user.ctidUserId())
            .token(reset.tokenHash())
            .detail("by reset link"));
    revocation.revokeAll(user, "password reset by e-mail link");
    return user;
  }

  private Optional<PasswordResetToken> find(String token) {
    if (!TokenKind.PASSWORD_RESET.isWellFormed(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery(PasswordResetToken.BY_HASH, PasswordResetToken.class)
        .setParameter("hash", TokenHasher.hash(token))
        .getResultStream()
        .findFirst();
  }
}
