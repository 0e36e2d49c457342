package org.brokersso.sandbox.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.brokersso.persistence.Boundary;
import org.brokersso.setup.control.RunMode;
import org.brokersso.signin.boundary.Login;
import org.brokersso.sso.control.OneTimeTokens;
import org.brokersso.sso.entity.OneTimePurpose;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * SANDBOX ONLY: stands in for a completed login screen, so the token API can be tried with {@code
 * curl} before any screen exists. It answers the OT token the success URL would carry, for the
 * cTrader {@code userId} given (registered on first use). With {@code ctrader.url} set it does not
 * exist (404).
 */
@Boundary
@Path("sandbox/login")
public class SandboxLoginResource {

  @Inject RunMode mode;
  @Inject Users users;
  @Inject OneTimeTokens oneTimeTokens;

  public record Login(Long userId, Boolean keepLoggedIn) {}

  public record Code(String code, long userId, String mode) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Code login(Login login) {
    if (!mode.isSandbox()) {
      throw new NotFoundException();
    }
    if (login == null || login.userId() == null || login.userId() <= 0) {
      throw new BadRequestException("userId (a positive integer) is required");
    }
    User user =
        users.byCtidUserId(login.userId()).orElseGet(() -> users.register(login.userId(), null));
    String code =
        oneTimeTokens.mintFor(
            user, OneTimePurpose.LOGIN, Boolean.TRUE.equals(login.keepLoggedIn()));
    return new Code(code, login.userId(), "sandbox");
  }
}
