package org.brokersso;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server every server under test mails to ({@code it.smtp.port}, {@link
 * BlackBoxServer#smtpPort()}): one GreenMail for the whole test JVM, started by the first test that
 * reads mail and left running, since the signup of every trader needs its code from it. A test that
 * needs the server unreachable {@link #stop()}s it and {@link #start()}s it again.
 */
public final class TestMailbox {

  /** A code stands on a line of its own in the text part. */
  private static final Pattern RESET_LINK =
      Pattern.compile("https?://\\S+/auth/reset\\?token=pr_[A-Za-z0-9_-]{43}[^\\s\"<>]*");

  private static final Pattern SIGNUP_CODE = Pattern.compile("(?m)^(\\d{6})\\r?$");

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
          mails.add(new Mail(message.getSubject(), text(message)));
        }
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }

  /** Every text part of a mail, decoded (Arabic mails are base64), one after the other. */
  private static String text(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text;
    }
    StringBuilder text = new StringBuilder();
    if (content instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        text.append(text(parts.getBodyPart(i))).append('\n');
      }
    }
    return text.toString();
  }

  /** Waits (up to 20 s) for a mail to {@code address} that {@code matches}. */
  public static Mail awaitMail(String address, Predicate<Mail> matches, String what) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      List<Mail> found = mailsTo(address).stream().filter(matches).toList();
      if (!found.isEmpty()) {
        return found.get(found.size() - 1);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no " + what + " reached " + address);
  }

  /** Waits (up to 20 s) for a mail to {@code address} whose subject contains {@code subject}. */
  public static Mail awaitMail(String address, String subject) {
    return awaitMail(address, m -> m.subject().contains(subject), "mail \"" + subject + "\"");
  }

  /** The six-digit code of the latest signup-code mail to {@code address}, in any language. */
  public static String signupCode(String address) {
    Mail mail = awaitMail(address, Mail::isSignupCode, "signup code");
    Matcher code = SIGNUP_CODE.matcher(mail.body());
    code.find();
    return code.group(1);
  }

  /** The link of the latest password-reset mail to {@code address}. */
  public static String resetLink(String address) {
    Mail mail = awaitMail(address, m -> RESET_LINK.matcher(m.body()).find(), "reset link");
    Matcher link = RESET_LINK.matcher(mail.body());
    link.find();
    return link.group();
  }

  /** One received mail: its subject and its text (every part, decoded). */
  public record Mail(String subject, String body) {

    public boolean isSignupCode() {
      return SIGNUP_CODE.matcher(body).find();
    }
  }
}
