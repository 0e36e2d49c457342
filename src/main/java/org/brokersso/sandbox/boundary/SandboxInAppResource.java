package org.brokersso.sandbox.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Set;
import org.brokersso.persistence.Boundary;
import org.brokersso.setup.control.RunMode;
import org.brokersso.sso.control.OneTimeTokens;
import org.brokersso.sso.entity.OneTimePurpose;
import org.brokersso.user.boundary.CurrentTrader;
import org.brokersso.user.control.Users;

/**
 * SANDBOX ONLY: plays cTrader's app for the client area's "try it" links, so the InApp screens can
 * be clicked through on a laptop: it mints the OT token call 4.4 would, for the trader signed in to
 * the client area, and opens the screen with it as the app does (§6.6 stages 9-13). 404 once {@code
 * ctrader.url} is set, and for anybody not signed in.
 */
@Boundary
@Path("sandbox/inapp")
public class SandboxInAppResource {

  private static final Set<String> SCREENS = Set.of("deposit", "withdraw", "kyc", "action", "chat");

  @Inject RunMode mode;
  @Inject CurrentTrader current;
  @Inject Users users;
  @Inject OneTimeTokens oneTimeTokens;

  @GET
  public Response open(
      @QueryParam("screen") String screen,
      @QueryParam("account") Long account,
      @QueryParam("lang") String lang) {
    if (!mode.isSandbox() || current.userId().isEmpty() || !SCREENS.contains(screen)) {
      throw new NotFoundException();
    }
    var user = users.byId(current.userId().get()).orElseThrow(NotFoundException::new);
    String token = oneTimeTokens.mintFor(user, OneTimePurpose.INAPP, false);
    UriBuilder target = UriBuilder.fromPath("/inapp/" + screen).queryParam("token", token);
    if (account != null) {
      target.queryParam("account", account);
    }
    if (lang != null && lang.matches("[A-Za-z]{2}")) {
      target.queryParam("lang", lang);
    }
    return Response.seeOther(target.build())
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
