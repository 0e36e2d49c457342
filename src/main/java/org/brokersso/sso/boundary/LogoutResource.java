package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.brokersso.persistence.Boundary;
import org.brokersso.sso.control.AccessTokens;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;

/**
 * Spotware call 4.5: the user logged out of a cTrader app, so the access token of that session is
 * revoked. 200 with no body, also when the token was already gone: the call is repeatable.
 */
@Boundary
@CrmApiTokenRequired
@Path("oauth2/logout")
public class LogoutResource {

  @Inject AccessTokens accessTokens;

  @POST
  public Response logout(
      @QueryParam("userId") String userId, @QueryParam("accessToken") String accessToken) {
    long ctidUserId = JsonBody.id("userId", userId);
    if (accessToken == null || accessToken.isBlank()) {
      throw new ContractViolation(ContractError.MISSING_PARAMETER, "accessToken is required");
    }
    accessTokens.revoke(ctidUserId, accessToken);
    return Response.ok().build();
  }
}
