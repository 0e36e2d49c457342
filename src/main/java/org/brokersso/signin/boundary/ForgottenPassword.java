package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.brokersso.mail.control.MailDispatch;
import org.brokersso.screen.boundary.ScreenParameters;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.control.PasswordResets;
import org.brokersso.user.entity.EmailAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Reset password" at {@code /auth/forgot} (§5.4, conformance 6.2.7): asks for the e-mail address
 * and answers the same, in the same time, whether or not it belongs to a trader and whether or not
 * the mail can be sent.
 */
@Named
@RequestScoped
public class ForgottenPassword {

  @Inject PasswordResets resets;
  @Inject MailDispatch dispatch;
  @Inject ScreenParameters screen;
  @Inject ScreenResponse response;
  @Inject HttpServletRequest request;

  /** Links in e-mails point here; required live, so a forged Host header cannot redirect them. */
  @Inject
  @ConfigProperty(name = "screen.public-url")
  Optional<String> publicUrl;

  private String email;
  private boolean sent;

  public void send() {
    if (EmailAddress.problemWith(email).isPresent()) {
      response.invalid("email", "email.malformed");
      return;
    }
    EmailAddress address = EmailAddress.of(email);
    String lang = screen.getLang();
    URI base = publicBase();
    // the lookup, the link and the mail all happen off this thread: the answer is the same, as
    // fast, whether the address is a trader's or not and whether the SMTP server is up
    dispatch.later(() -> resets.request(address, lang, base));
    sent = true;
  }

  /**
   * The configured public URL; in the sandbox (where it may be unset) this server as the browser
   * sees it.
   */
  private URI publicBase() {
    String base =
        publicUrl
            .filter(u -> !u.isBlank())
            .orElseGet(
                () ->
                    request
                        .getRequestURL()
                        .toString()
                        .replace(request.getRequestURI(), request.getContextPath()));
    return URI.create(base.endsWith("/") ? base : base + "/");
  }

  public boolean isSent() {
    return sent;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
