package org.brokersso.mail.control;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * What the product knows of its way to send mail: the SMTP address and whether the server took the
 * last greeting or mail. Readiness shows it; the start-up check refuses a transport the server
 * refuses, because that would not heal by waiting.
 *
 * @param description where mail goes, without secrets: {@code smtp://host:587 with STARTTLS, with
 *     login}, or the outbox
 * @param state what the latest attempt showed
 * @param problem why it failed, in words without the server's own text (it may quote addresses);
 *     empty when it works
 */
public record MailTransport(String description, State state, String problem) {

  /** What the latest greeting or mail showed. */
  public enum State {
    /** No SMTP server: mails are kept in the sandbox outbox. */
    OUTBOX,
    /** Configured, not yet greeted. */
    UNCHECKED,
    /** The server took the latest greeting or mail. */
    WORKS,
    /** The server could not be reached; it may come back. */
    UNREACHABLE,
    /** The server answered but refused the configured transport: a setting must change. */
    REFUSED
  }

  static final MailTransport OUTBOX =
      new MailTransport("none: mails are kept in the sandbox outbox", State.OUTBOX, "");

  static MailTransport unchecked(String description) {
    return new MailTransport(description, State.UNCHECKED, "");
  }

  static MailTransport working(String description) {
    return new MailTransport(description, State.WORKS, "");
  }

  static MailTransport failing(String description, MessagingException failure) {
    if (failure instanceof AuthenticationFailedException) {
      return new MailTransport(
          description, State.REFUSED, "the server refused the login of mail.smtp.user");
    }
    Throwable cause = failure.getCause();
    if (cause instanceof SSLException) {
      return new MailTransport(
          description,
          State.REFUSED,
          "the TLS handshake failed: the server's certificate does not match mail.smtp.host or is"
              + " not trusted");
    }
    if (cause instanceof UnknownHostException) {
      return unreachable(description, "mail.smtp.host is not a known host name");
    }
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
      return unreachable(description, "the server refuses connections or cannot be reached");
    }
    if (cause instanceof SocketTimeoutException) {
      return unreachable(description, "the server did not answer within mail.timeout");
    }
    if (String.valueOf(failure.getMessage()).contains("STARTTLS")) {
      return new MailTransport(
          description,
          State.REFUSED,
          "the server does not offer STARTTLS; set mail.smtp.starttls=false only for a relay on a"
              + " trusted network");
    }
    return unreachable(description, "the server did not take the mail");
  }

  private static MailTransport unreachable(String description, String why) {
    return new MailTransport(description, State.UNREACHABLE, why);
  }

  /** True when mail goes out (or to the outbox) as far as is known. */
  public boolean works() {
    return state != State.UNREACHABLE && state != State.REFUSED;
  }

  /** True when the server refused the configured transport. */
  public boolean refusesConfiguration() {
    return state == State.REFUSED;
  }
}
