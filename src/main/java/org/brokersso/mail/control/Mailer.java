package org.brokersso.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.brokersso.mail.entity.OutgoingMail;
import org.brokersso.setup.control.SettingsChecked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends an e-mail over the SMTP server of {@code mail.smtp.*}, or, with {@code mail.smtp.host}
 * unset, keeps it in the {@link SandboxOutbox}. Logs show the recipient's domain at most: bodies
 * carry reset links, and the SMTP password is never logged.
 */
@ApplicationScoped
public class Mailer implements SettingsChecked {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
  private static final String UTF_8 = "UTF-8";
  private static final String PROTOCOL = "smtp";

  @Inject
  @ConfigProperty(name = "mail.smtp.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "mail.smtp.port")
  int port;

  @Inject
  @ConfigProperty(name = "mail.smtp.starttls")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "mail.smtp.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "mail.smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "mail.from")
  String from;

  @Inject
  @ConfigProperty(name = "mail.timeout")
  Duration timeout;

  @Inject SandboxOutbox outbox;

  /** null: no SMTP server, mails go to the outbox. */
  private Session smtp;

  /** Volatile: the latest mail of any thread says what readiness shows. */
  private volatile MailTransport transport = MailTransport.OUTBOX;

  @PostConstruct
  void configure() {
    if (timeout.isNegative() || timeout.isZero()) {
      // jakarta.mail reads 0 as "wait forever", which would hang a screen on a dead server
      throw new IllegalStateException(
          "mail.timeout must be a positive ISO-8601 duration such as PT10S");
    }
    smtp = host.map(String::strip).filter(h -> !h.isEmpty()).map(this::session).orElse(null);
    if (smtp != null) {
      transport = MailTransport.unchecked(address());
    }
    if (smtp == null) {
      LOG.warning(
          "mail.smtp.host is unset: e-mails are NOT sent, the last "
              + SandboxOutbox.CAPACITY
              + " are kept in memory (shown at /sandbox/outbox in sandbox mode)");
    } else {
      LOG.info(
          () ->
              "E-mail via "
                  + host.get().strip()
                  + ":"
                  + port
                  + (starttls ? " with STARTTLS" : " WITHOUT TLS")
                  + (user.isPresent() ? " as " + user.get() : " without login"));
    }
  }

  /**
   * Greets the SMTP server at start-up as a mail would (connect, STARTTLS, login), without sending:
   * a server that refuses the configured transport (no STARTTLS on a plain relay, a refused login,
   * a certificate for another host) would otherwise lose every mail silently, so that refuses the
   * start. A server that cannot be reached is only reported (readiness shows it): it may be down
   * for a moment, and the screens do not need it.
   */
  @Override
  public void checkSettings() {
    if (smtp == null) {
      return;
    }
    transport = greet();
    if (transport.refusesConfiguration()) {
      throw new IllegalStateException(
          "mail.smtp.*: " + transport.description() + " (" + transport.problem() + ")");
    }
    if (!transport.works()) {
      LOG.warning(() -> "E-mail: " + transport.description() + " (" + transport.problem() + ")");
    }
  }

  /** What is known of the mail transport: from the start-up greeting and the latest mail. */
  public MailTransport transport() {
    return transport;
  }

  /** True when nothing is sent and mails are kept in the {@link SandboxOutbox}. */
  public boolean keepsMailInOutbox() {
    return smtp == null;
  }

  /**
   * Hands the mail to the SMTP server (or the outbox); throws {@link MailNotSent} if the server
   * does not take it.
   */
  public void send(OutgoingMail mail) {
    if (smtp == null) {
      outbox.keep(mail);
      LOG.info(
          () ->
              "E-mail to @"
                  + mail.recipientDomain()
                  + " kept in the outbox, not sent (mail.smtp.host is unset)");
      return;
    }
    try {
      Transport.send(message(mail));
      transport = MailTransport.working(address());
      LOG.fine(() -> "E-mail to @" + mail.recipientDomain() + " sent");
    } catch (MessagingException e) {
      transport = MailTransport.failing(address(), e);
      // the exception's own text may quote the full address, so only its type is logged here
      LOG.warning(
          () ->
              "E-mail to @"
                  + mail.recipientDomain()
                  + " not sent: "
                  + e.getClass().getSimpleName());
      throw new MailNotSent(mail.recipientDomain(), e);
    }
  }

  private MailTransport greet() {
    try (Transport greeting = smtp.getTransport(PROTOCOL)) {
      greeting.connect();
      return MailTransport.working(address());
    } catch (MessagingException e) {
      return MailTransport.failing(address(), e);
    }
  }

  private String address() {
    return PROTOCOL
        + "://"
        + host.orElse("").strip()
        + ":"
        + port
        + (starttls ? " with STARTTLS" : " without TLS")
        + (user.isPresent() ? ", with login" : ", without login");
  }

  private MimeMessage message(OutgoingMail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(smtp);
    message.setFrom(new InternetAddress(from, true));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), UTF_8);
    message.setSentDate(new Date());
    if (mail.hasHtml()) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), UTF_8);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), UTF_8, "html");
      message.setContent(new MimeMultipart("alternative", text, html));
    } else {
      message.setText(mail.text(), UTF_8);
    }
    return message;
  }

  private Session session(String smtpHost) {
    Properties settings = new Properties();
    settings.put(smtp("host"), smtpHost);
    settings.put(smtp("port"), Integer.toString(port));
    // STARTTLS is required, not just tried: the login and reset links must not cross in the clear
    settings.put(smtp("starttls.enable"), Boolean.toString(starttls));
    settings.put(smtp("starttls.required"), Boolean.toString(starttls));
    settings.put(smtp("ssl.checkserveridentity"), "true");
    settings.put(smtp("auth"), Boolean.toString(user.isPresent()));
    String millis = Long.toString(timeout.toMillis());
    settings.put(smtp("connectiontimeout"), millis);
    settings.put(smtp("timeout"), millis);
    settings.put(smtp("writetimeout"), millis);
    return Session.getInstance(settings, user.map(this::login).orElse(null));
  }

  private Authenticator login(String login) {
    PasswordAuthentication credentials = new PasswordAuthentication(login, password.orElse(""));
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return credentials;
      }
    };
  }

  /**
   * jakarta.mail's name of an SMTP setting, {@code mail.<protocol>.<setting>}, built from its parts
   * so that ConfigurationDocumentedTest does not take it for one of our configuration keys.
   */
  private static String smtp(String setting) {
    return "mail." + PROTOCOL + "." + setting;
  }
}
