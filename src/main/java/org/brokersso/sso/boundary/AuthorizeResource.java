package org.brokersso.sso.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.brokersso.sso.control.AutomaticRelogin;

/**
 * Spotware call 4.3: verify a long-term access token at automatic re-login. Repeatable: the same
 * token verifies on every app launch until it expires or is revoked (conformance 6.3.1, 6.3.2).
 *
 * <p>Not a {@code @Boundary}, unlike the other calls: its common path touches no database, so it
 * begins no transaction; {@link AutomaticRelogin} opens one only when the token is not in memory
 * (docs/architecture.md).
 */
@ApplicationScoped
@CrmApiTokenRequired
@Path("oauth2/authorize")
public class AuthorizeResource {

  @Inject AutomaticRelogin relogin;

  public record Authorized(Long userId, String inappToken) {}

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Authorized verify(String body) {
    AutomaticRelogin.Relogin answer = relogin.verify(JsonBody.parse(body).text("accessToken"));
    return new Authorized(answer.ctidUserId(), answer.inappToken().orElse(null));
  }
}
