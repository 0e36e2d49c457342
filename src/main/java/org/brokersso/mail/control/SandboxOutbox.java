package org.brokersso.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.brokersso.mail.entity.OutgoingMail;

/**
 * The last {@value #CAPACITY} e-mails that were not sent because {@code mail.smtp.host} is unset,
 * so that someone trying the product on a laptop can follow a reset link; {@code
 * sandbox/boundary/SandboxOutboxResource} shows them. It lives in {@code mail}, not in {@code
 * sandbox}: it is the mail capability's own stand-in for SMTP, chosen by a mail key, and this way
 * {@link Mailer} needs nothing from the sandbox, which only displays it.
 */
@ApplicationScoped
public class SandboxOutbox {

  public static final int CAPACITY = 50;

  public record KeptMail(Instant keptAt, OutgoingMail mail) {}

  @Inject Clock clock;

  private final Deque<KeptMail> mails = new ArrayDeque<>();

  /** Keeps the mail, forgetting the oldest beyond {@value #CAPACITY}. */
  public synchronized void keep(OutgoingMail mail) {
    mails.addFirst(new KeptMail(clock.instant(), mail));
    if (mails.size() > CAPACITY) {
      mails.removeLast();
    }
  }

  /** A copy, newest first. */
  public synchronized List<KeptMail> newestFirst() {
    return List.copyOf(mails);
  }
}
