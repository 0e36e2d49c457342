package org.brokersso.kyc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.brokersso.kyc.control.KycChecks;
import org.brokersso.kyc.entity.KycAlreadyDecided;
import org.brokersso.kyc.entity.KycCase;
import org.brokersso.kyc.entity.NoSuchKycCase;
import org.brokersso.operator.boundary.OperatorOnly;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * Operators' KYC desk: {@code GET /operator/kyc} lists the pending cases, oldest first; {@code POST
 * /operator/kyc/{caseId}} with {@code {"decision": "approve"|"reject", "reason": "…"}} decides one
 * (400 bad body, 404 unknown case, 409 decided the other way already).
 */
@ApplicationScoped // not a @Boundary: the control classes commit each step apart, around the
// outside call
@OperatorOnly
@Path("operator/kyc")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorKycResource {

  @Inject KycChecks kyc;
  @Inject Users users;

  public record Decision(String decision, String reason) {}

  @GET
  public List<KycCaseBody> pending() {
    return kyc.pending().stream().map(this::body).toList();
  }

  @POST
  @Path("{caseId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public KycCaseBody decide(@PathParam("caseId") long caseId, Decision decision) {
    String verb =
        decision == null || decision.decision() == null
            ? ""
            : decision.decision().strip().toLowerCase(Locale.ROOT);
    if (!verb.equals("approve") && !verb.equals("reject")) {
      throw new BadRequestException(
          "The body must be {\"decision\": \"approve\" or \"reject\", \"reason\": \"...\"}");
    }
    try {
      return body(kyc.decide(caseId, verb.equals("approve"), decision.reason()));
    } catch (NoSuchKycCase unknown) {
      throw new NotFoundException(unknown.getMessage());
    } catch (KycAlreadyDecided decided) {
      throw new ClientErrorException(decided.getMessage(), Response.Status.CONFLICT);
    }
  }

  private KycCaseBody body(KycCase kase) {
    return KycCaseBody.of(kase, users.byId(kase.userId()).map(User::ctidUserId).orElse(null));
  }
}
