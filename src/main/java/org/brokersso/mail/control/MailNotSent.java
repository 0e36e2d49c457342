package org.brokersso.mail.control;

/** The SMTP server did not take an e-mail (unreachable, refused the login or the recipient). */
public class MailNotSent extends RuntimeException {

  MailNotSent(String recipientDomain, Throwable cause) {
    super("E-mail to @" + recipientDomain + " was not sent", cause);
  }
}
