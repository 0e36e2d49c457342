package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.brokersso.persistence.Boundary;
import org.brokersso.sso.control.AccessTokens;
import org.brokersso.sso.control.InAppTokens;
import org.brokersso.sso.entity.AccessToken;

/**
 * Spotware call 4.3: verify a long-term access token at automatic re-login. Repeatable: the same
 * token verifies on every app launch until it expires or is revoked (conformance 6.3.1, 6.3.2).
 */
@Boundary
@CrmApiTokenRequired
@Path("oauth2/authorize")
public class AuthorizeResource {

  @Inject AccessTokens accessTokens;
  @Inject InAppTokens inAppTokens;

  public record Authorized(Long userId, String inappToken) {}

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Authorized verify(String body) {
    AccessToken token = accessTokens.verify(JsonBody.parse(body).text("accessToken"));
    String inapp =
        inAppTokens
            .issue(token.user(), token.oneTimeTokenId(), token.id(), token.expiresAt())
            .orElse(null);
    return new Authorized(token.user().ctidUserId(), inapp);
  }
}
