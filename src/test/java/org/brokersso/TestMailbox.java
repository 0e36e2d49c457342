package org.brokersso;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server every server under test mails to ({@code it.smtp.port}, {@link
 * BlackBoxServer#smtpPort()}): one GreenMail for the whole test JVM, started by the first test that
 * reads mail and left running, since the signup of every trader needs its code from it. A test that
 * needs the server unreachable {@link #stop()}s it and {@link #start()}s it again.
 */
public final class TestMailbox {

  private static final Pattern SIGNUP_CODE = Pattern.compile("\\b(\\d{6})\\b");
  private static GreenMail smtp;

  private TestMailbox() {}

  public static synchronized GreenMail start() {
    if (smtp == null) {
      smtp =
          new GreenMail(
              new ServerSetup(BlackBoxServer.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
    return smtp;
  }

  /** Stops the server: until {@link #start()}, the servers under test reach no SMTP server. */
  public static synchronized void stop() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  /** The mails received so far for {@code address}, oldest first. */
  public static List<Mail> mailsTo(String address) {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : start().getReceivedMessages()) {
      try {
        boolean toIt =
            Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
        if (toIt) {
          mails.add(
              new Mail(
                  message.getSubject(),
                  GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=")));
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }

  /** Waits (up to 20 s) for a mail to {@code address} whose subject contains {@code subject}. */
  public static Mail awaitMail(String address, String subject) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      Optional<Mail> found =
          mailsTo(address).stream().filter(m -> m.subject().contains(subject)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no mail \"" + subject + "\" reached " + address);
  }

  /** The six-digit code of the latest signup-code mail to {@code address}. */
  public static String signupCode(String address) {
    Mail mail = awaitMail(address, "code");
    List<Mail> codes = mailsTo(address).stream().filter(m -> m.subject().contains("code")).toList();
    Matcher code = SIGNUP_CODE.matcher(codes.get(codes.size() - 1).body());
    if (!code.find()) {
      throw new AssertionError("no code in the mail: " + mail.body());
    }
    return code.group(1);
  }

  /** One received mail: its subject and body (every MIME part, quoted-printable undone). */
  public record Mail(String subject, String body) {}
}
