package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.brokersso.persistence.Boundary;
import org.brokersso.sso.control.OneTimeTokens;

/**
 * Spotware call 4.4: a new OT token for an InApp screen of the user cTrader names. A new token on
 * every call; when the user holds an {@code inappToken}, the query must carry a live one.
 */
@Boundary
@CrmApiTokenRequired
@Path("oauth2/onetime/generate")
public class OneTimeGenerateResource {

  @Inject OneTimeTokens oneTimeTokens;

  public record Generated(String token) {}

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Generated generate(@QueryParam("inappToken") String inappToken, String body) {
    long userId = JsonBody.parse(body).id("userId");
    return new Generated(oneTimeTokens.mintForInApp(userId, inappToken));
  }
}
