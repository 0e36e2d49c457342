package org.brokersso.sandbox.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.brokersso.mail.control.HtmlText;
import org.brokersso.persistence.Boundary;
import org.brokersso.setup.control.RunMode;
import org.brokersso.sso.control.OneTimeTokens;
import org.brokersso.sso.entity.ContractViolation;

/**
 * SANDBOX ONLY: stands in for cTrader Web in the client area's iframe (§5.6), so "Open cTrader Web"
 * can be clicked through on a laptop. It does what cTrader Web's backend does with the link's
 * token: exchanges it as call 4.2 would, and shows whom that logged in. 404 once {@code
 * ctrader.url} is set.
 */
@Boundary
@Path("sandbox/ctrader-web")
public class SandboxCtraderWebResource {

  static final String TITLE = "SANDBOX stand-in for cTrader Web";

  @Inject RunMode mode;
  @Inject OneTimeTokens oneTimeTokens;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response page(
      @QueryParam("token") String token,
      @QueryParam("acc") String acc,
      @QueryParam("lang") String lang) {
    if (!mode.isSandbox()) {
      throw new NotFoundException();
    }
    String outcome;
    try {
      long userId = oneTimeTokens.exchange(token).userId();
      outcome =
          "<p id=\"logged-in\">Logged in as cTrader user <strong id=\"user-id\">"
              + userId
              + "</strong>"
              + (acc == null
                  ? ""
                  : ", trading account <strong id=\"account\">"
                      + HtmlText.escape(acc)
                      + "</strong>")
              + (lang == null ? "" : ", language " + HtmlText.escape(lang))
              + ".</p>";
    } catch (ContractViolation refused) {
      outcome =
          "<p id=\"refused\">The one-time token was refused: "
              + HtmlText.escape(refused.getMessage())
              + ".</p>";
    }
    String page =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>"
            + TITLE
            + "</title></head>\n<body>\n<h1>"
            + TITLE
            + "</h1>\n"
            + outcome
            + "\n<p>With ctrader.url set, this frame shows the real cTrader Web.</p>\n</body></html>\n";
    return Response.ok(page).header("Cache-Control", "no-store").build();
  }
}
