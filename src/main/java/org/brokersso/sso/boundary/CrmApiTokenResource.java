package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.brokersso.persistence.Boundary;
import org.brokersso.sso.control.CrmApiTokens;

/**
 * Spotware call 4.1: cTrader's backend trades the pre-shared password for a {@code crmApiToken}. A
 * wrong password is 403 {@code CH_CLIENT_AUTH_FAILURE} (conformance 6.1.1); so is any password
 * while the caller's address backs off after repeated wrong ones ({@code CrmApiBackOff}, with
 * {@code Retry-After}).
 */
@Boundary
@Path("oauth2/crmApiToken")
public class CrmApiTokenResource {

  @Inject CrmApiTokens tokens;

  public record Issued(String crmApiToken) {}

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Issued issue(String body, @Context HttpServletRequest request) {
    String password = JsonBody.parse(body).text("password");
    return new Issued(tokens.issue(password, request.getRemoteAddr()));
  }
}
