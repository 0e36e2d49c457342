package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.persistence.control.DatabaseOutage;
import org.brokersso.sso.entity.ContractError;

/**
 * Unknown paths, wrong methods and anything else JAX-RS refuses by itself get the same error body
 * as the contract's refusals; an unreachable database is a 503 with {@code Retry-After} and no
 * stack trace ({@link DatabaseOutage} logs the outage once); other unexpected faults are logged
 * with their stack trace and answered with a 500 that reveals nothing.
 */
@Provider
public class FrameworkErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(FrameworkErrorMapper.class.getName());

  /** Seconds cTrader is asked to wait: the pool finds a returning database within a second. */
  static final String RETRY_AFTER = "5";

  @Inject DatabaseOutage outage;

  @Override
  public Response toResponse(Throwable failure) {
    if (failure instanceof ProcessingException || failure instanceof JsonbException) {
      // a body JSON-B could not bind (only the sandbox binds bodies): the caller's fault
      return ContractErrorMapper.of(
          400, "The body is not valid JSON for this call", "INVALID_REQUEST");
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      LOG.log(Level.FINE, "Refused by JAX-RS with {0}", status);
      // the reason phrase, never the runtime's message (it may name its classes)
      return ContractErrorMapper.of(
          status, web.getResponse().getStatusInfo().getReasonPhrase(), null);
    }
    if (outage.explains(failure)) {
      outage.refused(failure);
      return unavailable();
    }
    LOG.log(Level.SEVERE, "Unexpected failure", failure);
    return ContractErrorMapper.of(500, "Internal error; see the server log", null);
  }

  /** 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}: the database cannot be reached. */
  static Response unavailable() {
    ContractError unavailable = ContractError.UNAVAILABLE;
    return Response.fromResponse(
            ContractErrorMapper.of(
                unavailable.status(),
                "The service is unavailable; try again shortly",
                unavailable.code()))
        .header("Retry-After", RETRY_AFTER)
        .build();
  }
}
