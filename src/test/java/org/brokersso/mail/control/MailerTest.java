package org.brokersso.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.brokersso.mail.entity.OutgoingMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mailer against GreenMail, a real SMTP server on a free port in this JVM. */
class MailerTest {

  private static final String SMTP_USER = "crm-mailer";
  private static final String SMTP_PASSWORD = "smtp-secret-4711";
  private static final URI LINK =
      URI.create("https://crm.example.com/auth/reset?token=rt_Zx-9_aQ%2Fb&lang=ar#top");

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));

  private final SandboxOutbox outbox = outbox();

  static SandboxOutbox outbox() {
    SandboxOutbox outbox = new SandboxOutbox();
    outbox.clock = Clock.systemUTC();
    return outbox;
  }

  private Mailer mailer(String host, int port, String password, Duration timeout) {
    Mailer mailer = new Mailer();
    mailer.host = Optional.ofNullable(host);
    mailer.port = port;
    mailer.starttls = false;
    mailer.user = Optional.of(SMTP_USER);
    mailer.password = Optional.of(password);
    mailer.from = "Example Broker <no-reply@broker.example>";
    mailer.timeout = timeout;
    mailer.outbox = outbox;
    mailer.configure();
    return mailer;
  }

  private Mailer toGreenMail() {
    return mailer("127.0.0.1", SMTP.getSmtp().getPort(), SMTP_PASSWORD, Duration.ofSeconds(5));
  }

  private static OutgoingMail arabicReset() {
    MailTexts texts = new MailTexts();
    texts.brokerName = "وسيط المثال";
    return texts.passwordReset("amira@example.org", "ar", LINK, Duration.ofMinutes(30));
  }

  @Test
  void resetMailArrivesWithItsLinkAndArabicTextIntact() throws Exception {
    OutgoingMail mail = arabicReset();
    toGreenMail().send(mail);

    assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
    MimeMessage received = SMTP.getReceivedMessages()[0];
    assertEquals(
        List.of(new InternetAddress("amira@example.org")),
        List.of(received.getRecipients(Message.RecipientType.TO)));
    assertEquals("no-reply@broker.example", ((InternetAddress) received.getFrom()[0]).getAddress());
    assertEquals(mail.subject(), received.getSubject());
    assertTrue(received.getSubject().contains("وسيط المثال"), received.getSubject());

    MimeMultipart alternatives = (MimeMultipart) received.getContent();
    assertEquals(2, alternatives.getCount());
    assertTrue(alternatives.getBodyPart(0).isMimeType("text/plain"));
    String text = (String) alternatives.getBodyPart(0).getContent();
    assertEquals(mail.text(), text.replace("\r\n", "\n"));
    assertTrue(text.contains(LINK.toString()), text);
    assertTrue(text.contains("الرابط صالح لمدة 30 دقيقة"), text);
    assertTrue(alternatives.getBodyPart(1).isMimeType("text/html"));
    String html = (String) alternatives.getBodyPart(1).getContent();
    assertTrue(html.contains("href=\"" + LINK.toString().replace("&", "&amp;") + "\""), html);
    assertTrue(html.contains("dir=\"rtl\""), html);
  }

  @Test
  void plainTextMailIsSentAsASinglePart() throws Exception {
    toGreenMail()
        .send(
            new OutgoingMail(
                "jane@example.org", "Ünïcödé subject", "Straße\nhttps://x.example/a?b=c&d=e"));

    assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
    MimeMessage received = SMTP.getReceivedMessages()[0];
    assertEquals("Ünïcödé subject", received.getSubject());
    assertTrue(received.isMimeType("text/plain"));
    assertEquals(
        "Straße\nhttps://x.example/a?b=c&d=e",
        ((String) received.getContent()).replace("\r\n", "\n"));
  }

  @Test
  void aWrongSmtpPasswordIsReportedAndNothingIsDelivered() {
    Mailer mailer =
        mailer("127.0.0.1", SMTP.getSmtp().getPort(), "wrong-password", Duration.ofSeconds(5));
    MailNotSent refused = assertThrows(MailNotSent.class, () -> mailer.send(arabicReset()));
    assertEquals("E-mail to @example.org was not sent", refused.getMessage());
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void requiredStartTlsRefusesAServerWithoutIt() {
    Mailer mailer = toGreenMail();
    mailer.starttls = true;
    mailer.configure();
    assertThrows(MailNotSent.class, () -> mailer.send(arabicReset()));
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void aServerThatNeverAnswersFailsWithinTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  accepted.add(silent.accept()); // accepts, then never sends the SMTP greeting
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.start();
      Mailer mailer =
          mailer("127.0.0.1", silent.getLocalPort(), SMTP_PASSWORD, Duration.ofMillis(500));
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> assertThrows(MailNotSent.class, () -> mailer.send(arabicReset())));
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void withoutHostMailIsKeptInTheOutboxAndNothingIsSent() {
    Mailer mailer = mailer(null, SMTP.getSmtp().getPort(), SMTP_PASSWORD, Duration.ofSeconds(5));
    OutgoingMail mail = arabicReset();
    mailer.send(mail);

    assertTrue(mailer.keepsMailInOutbox());
    assertEquals(
        List.of(mail), outbox.newestFirst().stream().map(SandboxOutbox.KeptMail::mail).toList());
    assertFalse(SMTP.waitForIncomingEmail(500, 1));
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void aBlankHostCountsAsUnset() {
    assertTrue(mailer("  ", 25, SMTP_PASSWORD, Duration.ofSeconds(5)).keepsMailInOutbox());
    assertFalse(toGreenMail().keepsMailInOutbox());
  }

  @Test
  void aTimeoutOfZeroIsRefusedAtStartUp() {
    assertThrows(
        IllegalStateException.class, () -> mailer("127.0.0.1", 25, SMTP_PASSWORD, Duration.ZERO));
  }

  @Test
  void logsShowNeitherBodyNorAddressNorPassword() {
    List<String> lines = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(Mailer.class.getName());
    Level level = log.getLevel();
    log.addHandler(capture);
    log.setLevel(Level.ALL);
    try {
      toGreenMail().send(arabicReset());
      mailer(null, 25, SMTP_PASSWORD, Duration.ofSeconds(5)).send(arabicReset());
      Mailer refused =
          mailer("127.0.0.1", SMTP.getSmtp().getPort(), "wrong-password", Duration.ofSeconds(5));
      assertThrows(MailNotSent.class, () -> refused.send(arabicReset()));
    } finally {
      log.removeHandler(capture);
      log.setLevel(level);
    }
    assertTrue(lines.stream().anyMatch(line -> line.contains("@example.org")), lines.toString());
    for (String line : lines) {
      for (String secret : List.of("rt_Zx-9_aQ", "amira@", SMTP_PASSWORD, "wrong-password")) {
        assertFalse(line.contains(secret), "log line holds " + secret + ": " + line);
      }
    }
  }

  @Test
  void theStartUpGreetingAcceptsAServerThatTakesTheConfiguredTransport() {
    Mailer mailer = toGreenMail();
    mailer.checkSettings();
    assertEquals(MailTransport.State.WORKS, mailer.transport().state());
    assertFalse(mailer.transport().description().contains(SMTP_PASSWORD));
  }

  @Test
  void aRefusedLoginOrAMissingStarttlsStopsTheStartAnUnreachableServerDoesNot() throws Exception {
    Mailer wrongPassword =
        mailer("127.0.0.1", SMTP.getSmtp().getPort(), "not-it", Duration.ofSeconds(5));
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, wrongPassword::checkSettings);
    assertTrue(refused.getMessage().contains("refused the login"), refused.getMessage());
    assertFalse(refused.getMessage().contains("not-it"), "the password is never repeated");

    Mailer plainRelay = toGreenMail();
    plainRelay.starttls = true;
    plainRelay.configure();
    refused = assertThrows(IllegalStateException.class, plainRelay::checkSettings);
    assertTrue(refused.getMessage().contains("does not offer STARTTLS"), refused.getMessage());

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Mailer away = mailer("127.0.0.1", closed, SMTP_PASSWORD, Duration.ofSeconds(2));
    away.checkSettings();
    assertEquals(MailTransport.State.UNREACHABLE, away.transport().state());
    assertFalse(away.transport().problem().contains("Exception"), away.transport().problem());
  }
}
