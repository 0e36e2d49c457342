package org.brokersso.sso.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Unknown paths, wrong methods and anything else JAX-RS refuses by itself get the same error body
 * as the contract's refusals; unexpected faults are logged with their stack trace and answered with
 * a 500 that reveals nothing.
 */
@Provider
public class FrameworkErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(FrameworkErrorMapper.class.getName());

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
    LOG.log(Level.SEVERE, "Unexpected failure", failure);
    return ContractErrorMapper.of(500, "Internal error; see the server log", null);
  }
}
