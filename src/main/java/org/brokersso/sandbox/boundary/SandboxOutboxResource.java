package org.brokersso.sandbox.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.brokersso.mail.control.HtmlText;
import org.brokersso.mail.control.Mailer;
import org.brokersso.mail.control.SandboxOutbox;
import org.brokersso.mail.control.SandboxOutbox.KeptMail;
import org.brokersso.persistence.Boundary;
import org.brokersso.setup.control.RunMode;

/**
 * SANDBOX ONLY: the e-mails the product did not send, newest first, so a reset link can be followed
 * on a laptop without a mail server. It exists only while both {@code mail.smtp.host} and {@code
 * ctrader.url} are unset (404 otherwise): on a live server this page would hand anyone every user's
 * reset link.
 */
@Boundary
@Path("sandbox/outbox")
public class SandboxOutboxResource {

  static final String TITLE = "SANDBOX outbox — not sent";

  @Inject RunMode mode;
  @Inject Mailer mailer;
  @Inject SandboxOutbox outbox;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response page() {
    if (!mode.isSandbox() || !mailer.keepsMailInOutbox()) {
      throw new NotFoundException();
    }
    // the page holds live reset links: no cache may keep a copy
    return Response.ok(html(outbox.newestFirst())).header("Cache-Control", "no-store").build();
  }

  static String html(List<KeptMail> mails) {
    StringBuilder page =
        new StringBuilder(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"UTF-8\"><title>")
            .append(TITLE)
            .append("</title></head>\n<body>\n<h1>")
            .append(TITLE)
            .append("</h1>\n")
            .append(
                "<p>mail.smtp.host is unset, so these e-mails were <strong>not sent</strong>. The last ")
            .append(SandboxOutbox.CAPACITY)
            .append(" are kept in memory until the server stops, newest first.</p>\n");
    if (mails.isEmpty()) {
      page.append("<p>No e-mail yet.</p>\n");
    }
    for (KeptMail kept : mails) {
      page.append("<hr>\n<section>\n<h2 dir=\"auto\">")
          .append(HtmlText.escape(kept.mail().subject()))
          .append("</h2>\n")
          .append("<p>To: ")
          .append(HtmlText.escape(kept.mail().to()))
          .append(" · kept at ")
          .append(kept.keptAt())
          .append("</p>\n")
          .append("<div dir=\"auto\">")
          .append(HtmlText.of(kept.mail().text()))
          .append("</div>\n</section>\n");
    }
    return page.append("</body>\n</html>\n").toString();
  }
}
