package org.brokersso.sandbox.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.brokersso.mail.control.Mailer;
import org.brokersso.mail.control.SandboxOutbox.KeptMail;
import org.brokersso.mail.entity.OutgoingMail;
import org.brokersso.setup.control.RunMode;
import org.junit.jupiter.api.Test;

class SandboxOutboxResourceTest {

  private static SandboxOutboxResource resource(boolean sandbox, boolean smtpHostSet) {
    SandboxOutboxResource resource = new SandboxOutboxResource();
    resource.mode =
        new RunMode() {
          @Override
          public boolean isSandbox() {
            return sandbox;
          }
        };
    resource.mailer =
        new Mailer() {
          @Override
          public boolean keepsMailInOutbox() {
            return !smtpHostSet;
          }
        };
    return resource;
  }

  @Test
  void existsOnlyInTheSandboxWithoutAnSmtpServer() {
    assertThrows(NotFoundException.class, () -> resource(true, true).page());
    assertThrows(NotFoundException.class, () -> resource(false, false).page());
    assertThrows(NotFoundException.class, () -> resource(false, true).page());
  }

  @Test
  void listsTheMailsNewestFirstEscapedWithClickableLinks() {
    String page =
        SandboxOutboxResource.html(
            List.of(
                new KeptMail(
                    Instant.parse("2025-03-01T10:00:02Z"),
                    new OutgoingMail(
                        "new@example.org", "<i>second</i>", "Reset: https://x.example/r?t=1&l=ar")),
                new KeptMail(
                    Instant.parse("2025-03-01T10:00:01Z"),
                    new OutgoingMail("old@example.org", "first", "Welcome"))));

    assertTrue(page.contains("<title>SANDBOX outbox — not sent</title>"), page);
    assertTrue(page.contains("<h1>SANDBOX outbox — not sent</h1>"), page);
    assertTrue(page.indexOf("new@example.org") < page.indexOf("old@example.org"), "newest first");
    assertTrue(page.contains("&lt;i&gt;second&lt;/i&gt;"), page);
    assertFalse(page.contains("<i>"), page);
    assertTrue(page.contains("<a dir=\"ltr\" href=\"https://x.example/r?t=1&amp;l=ar\">"), page);
    assertTrue(page.contains("2025-03-01T10:00:02Z"), page);
  }

  @Test
  void saysSoWhenNothingWasKept() {
    assertTrue(SandboxOutboxResource.html(List.of()).contains("No e-mail yet."));
  }
}
