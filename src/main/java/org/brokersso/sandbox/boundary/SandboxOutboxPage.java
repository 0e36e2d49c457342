package org.brokersso.sandbox.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.brokersso.mail.control.HtmlText;
import org.brokersso.mail.control.Mailer;
import org.brokersso.mail.control.SandboxOutbox;
import org.brokersso.mail.control.SandboxOutbox.KeptMail;
import org.brokersso.setup.control.RunMode;

/**
 * SANDBOX ONLY, the bean of {@code /sandbox/outbox}: the e-mails the product did not send, newest
 * first, so a reset link can be followed on a laptop without a mail server. It exists only while
 * both {@code mail.smtp.host} and {@code ctrader.url} are unset (404 otherwise): on a live server
 * this page would hand anyone every user's reset link.
 */
@Named("sandboxOutbox")
@RequestScoped
public class SandboxOutboxPage {

  /** One kept mail as the page shows it; {@code html} is escaped, with its links made clickable. */
  public record Shown(String subject, String to, String keptAt, String html) {}

  @Inject RunMode mode;
  @Inject Mailer mailer;
  @Inject SandboxOutbox outbox;

  /** The view's action before rendering: 404 outside the sandbox, and no cache keeps the links. */
  public void open() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (!exists()) {
      external.responseSendError(404, "Not Found");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    external.setResponseHeader("Cache-Control", "no-store");
  }

  boolean exists() {
    return mode.isSandbox() && mailer.keepsMailInOutbox();
  }

  public int capacity() {
    return SandboxOutbox.CAPACITY;
  }

  private List<Shown> mails;

  /** Read once per request: the view asks twice (empty or not, then each). */
  public List<Shown> mails() {
    if (mails == null) {
      mails = outbox.newestFirst().stream().map(SandboxOutboxPage::shown).toList();
    }
    return mails;
  }

  static Shown shown(KeptMail kept) {
    return new Shown(
        kept.mail().subject(),
        kept.mail().to(),
        kept.keptAt().toString(),
        HtmlText.of(kept.mail().text()));
  }
}
