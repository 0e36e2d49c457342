package org.brokersso.sso.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;
import org.brokersso.user.control.RetryAfter;

/** Writes every refusal of the contract as {@code {error, message, code}} with its status. */
@Provider
public class ContractErrorMapper implements ExceptionMapper<ContractViolation> {

  private static final Logger LOG = Logger.getLogger(ContractErrorMapper.class.getName());

  @Override
  public Response toResponse(ContractViolation violation) {
    ContractError error = violation.error();
    LOG.log(
        Level.FINE, "Refused with {0}: {1}", new Object[] {error.code(), violation.getMessage()});
    Response response = of(error.status(), violation.getMessage(), error.code());
    return violation
        .retryAfter()
        .map(
            wait ->
                Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(wait))
                    .build())
        .orElse(response);
  }

  /** The error body with its status; also what every other JSON error of the product answers. */
  public static Response of(int status, String message, String code) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of(status, message, code))
        .build();
  }
}
