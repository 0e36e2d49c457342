package org.brokersso.mail.entity;

import java.util.Objects;

/**
 * One e-mail to one recipient: a plain-text body and, optionally, the same text as HTML. Bodies may
 * carry reset links with live tokens, so {@link #toString} shows neither body nor the full address.
 */
public record OutgoingMail(String to, String subject, String text, String html) {

  public OutgoingMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }

  public OutgoingMail(String to, String subject, String text) {
    this(to, subject, text, null);
  }

  public boolean hasHtml() {
    return html != null;
  }

  /** The part after the {@code @}: as much of the recipient as a log line may show. */
  public String recipientDomain() {
    return to.substring(to.lastIndexOf('@') + 1);
  }

  @Override
  public String toString() {
    return "OutgoingMail[to @"
        + recipientDomain()
        + ", "
        + text.length()
        + " characters"
        + (hasHtml() ? " + HTML" : "")
        + "]";
  }
}
