package org.brokersso.sandbox.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.brokersso.mail.control.Mailer;
import org.brokersso.mail.control.SandboxOutbox.KeptMail;
import org.brokersso.mail.entity.OutgoingMail;
import org.brokersso.setup.control.RunMode;
import org.junit.jupiter.api.Test;

class SandboxOutboxPageTest {

  private static SandboxOutboxPage page(boolean sandbox, boolean smtpHostSet) {
    SandboxOutboxPage page = new SandboxOutboxPage();
    page.mode =
        new RunMode() {
          @Override
          public boolean isSandbox() {
            return sandbox;
          }
        };
    page.mailer =
        new Mailer() {
          @Override
          public boolean keepsMailInOutbox() {
            return !smtpHostSet;
          }
        };
    return page;
  }

  @Test
  void existsOnlyInTheSandboxWithoutAnSmtpServer() {
    assertTrue(page(true, false).exists());
    assertFalse(page(true, true).exists());
    assertFalse(page(false, false).exists());
    assertFalse(page(false, true).exists());
  }

  @Test
  void showsTheTextEscapedWithClickableLinks() {
    SandboxOutboxPage.Shown shown =
        SandboxOutboxPage.shown(
            new KeptMail(
                Instant.parse("2025-03-01T10:00:02Z"),
                new OutgoingMail(
                    "new@example.org",
                    "<i>second</i>",
                    "<b>Reset</b>: https://x.example/r?t=1&l=ar")));

    assertEquals("<i>second</i>", shown.subject(), "Facelets escapes the subject when rendering");
    assertFalse(shown.html().contains("<b>"), shown.html());
    assertTrue(shown.html().contains("&lt;b&gt;Reset&lt;/b&gt;"), shown.html());
    assertTrue(
        shown.html().contains("<a dir=\"ltr\" href=\"https://x.example/r?t=1&amp;l=ar\">"),
        shown.html());
    assertEquals("2025-03-01T10:00:02Z", shown.keptAt());
  }
}
