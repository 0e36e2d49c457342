package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.brokersso.persistence.Boundary;
import org.brokersso.sso.control.OneTimeTokens;

/**
 * Spotware call 4.2: exchange a one-time token. Answers the cTrader {@code userId}, an {@code
 * accessToken} only when the user chose "keep me logged in", and an {@code inappToken} when
 * enabled. A token is good for one exchange; see {@link OneTimeTokens#exchange}.
 */
@Boundary
@CrmApiTokenRequired
@Path("oauth2/onetime/authorize")
public class OneTimeAuthorizeResource {

  @Inject OneTimeTokens oneTimeTokens;

  public record Authorized(Long userId, String accessToken, String inappToken) {}

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Authorized exchange(String body) {
    String code = JsonBody.parse(body).text("code");
    OneTimeTokens.Exchange exchange = oneTimeTokens.exchange(code);
    return new Authorized(
        exchange.userId(), exchange.accessToken().orElse(null), exchange.inappToken().orElse(null));
  }
}
