package org.brokersso.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.mail.entity.OutgoingMail;

/**
 * Sends mail off the request thread, on the runtime's default managed executor (Jakarta
 * Concurrency), so that a screen answers at once and alike whether it mailed someone or nobody, and
 * whether the SMTP server is up. What cannot be sent is logged (by {@link Mailer}) and dropped: the
 * screens never promise that a mail arrived.
 */
@ApplicationScoped
public class MailDispatch {

  private static final Logger LOG = Logger.getLogger(MailDispatch.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject Mailer mailer;

  public void send(OutgoingMail mail) {
    later(() -> Optional.of(mail));
  }

  /**
   * Runs {@code compose} on the executor and sends the mail it answers, if any: work whose cost
   * would tell who is registered (a lookup, a token, a transaction) goes in there too.
   */
  public void later(Supplier<Optional<OutgoingMail>> compose) {
    try {
      executor.execute(
          () -> {
            try {
              compose.get().ifPresent(mailer::send);
            } catch (MailNotSent notSent) {
              // Mailer has logged it, without the address
            } catch (RuntimeException failure) {
              // its text may quote an address: the type only, the trace at FINE
              LOG.warning("A mail was not composed: " + failure.getClass().getName());
              LOG.log(Level.FINE, "A mail was not composed", failure);
            }
          });
    } catch (RejectedExecutionException full) {
      LOG.warning("A mail was dropped: the managed executor refused it (" + full + ")");
    }
  }
}
