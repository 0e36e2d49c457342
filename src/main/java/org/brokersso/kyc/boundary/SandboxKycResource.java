package org.brokersso.kyc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.brokersso.kyc.control.KycChecks;
import org.brokersso.kyc.entity.SandboxDecision;
import org.brokersso.setup.control.RunMode;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * SANDBOX ONLY: stands in for the KYC screen, so that KYC and the operator desk can be tried with
 * {@code curl}. Submits for the cTrader {@code userId} (known after {@code /sandbox/login}) with
 * the sandbox decision asked for ({@code APPROVE}, {@code REJECT}, {@code PENDING}). With {@code
 * ctrader.url} set it does not exist (404).
 */
@ApplicationScoped // not a @Boundary: the control classes commit each step apart, around the
// outside call
@Path("sandbox/kyc")
public class SandboxKycResource {

  @Inject RunMode mode;
  @Inject Users users;
  @Inject KycChecks kyc;

  public record Submission(Long userId, String kycType, String decision) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public KycCaseBody submit(Submission submission) {
    if (!mode.isSandbox()) {
      throw new NotFoundException();
    }
    if (submission == null || submission.userId() == null) {
      throw new BadRequestException("userId (a cTrader userId) is required");
    }
    User user =
        users
            .byCtidUserId(submission.userId())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No trader with cTrader userId "
                            + submission.userId()
                            + "; log in with /sandbox/login first"));
    return KycCaseBody.of(
        kyc.submit(user.id(), submission.kycType(), decision(submission.decision())),
        user.ctidUserId());
  }

  private static SandboxDecision decision(String requested) {
    if (requested == null || requested.isBlank()) {
      return SandboxDecision.PENDING;
    }
    try {
      return SandboxDecision.valueOf(requested.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("decision must be APPROVE, REJECT or PENDING");
    }
  }
}
