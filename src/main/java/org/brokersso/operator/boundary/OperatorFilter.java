package org.brokersso.operator.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.brokersso.operator.control.OperatorPassword;
import org.brokersso.operator.control.OperatorPassword.Check;
import org.brokersso.sso.boundary.ContractErrorMapper;

/**
 * Lets an {@link OperatorOnly} request through only with the operator password (HTTP Basic, any
 * user name): 404 when no password is configured (the endpoints do not exist), 401 with a Basic
 * challenge when none was sent, 403 when it is wrong (contract-choices row 27).
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorFilter implements ContainerRequestFilter {

  @Inject OperatorPassword password;

  @Override
  public void filter(ContainerRequestContext request) {
    Check check = password.check(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (check == Check.ACCEPTED) {
      return;
    }
    if (check == Check.NO_OPERATORS) {
      request.abortWith(ContractErrorMapper.of(404, "Not Found", null));
      return;
    }
    // Jersey answers the path without its leading "/", RESTEasy (WildFly) with it
    String path = request.getUriInfo().getPath();
    password.refused(check, request.getMethod(), path.startsWith("/") ? path : "/" + path);
    if (check == Check.MISSING) {
      request.abortWith(
          Response.fromResponse(
                  ContractErrorMapper.of(
                      401, "The operator password is required (HTTP Basic)", null))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"operator\", charset=\"UTF-8\"")
              .build());
    } else {
      request.abortWith(ContractErrorMapper.of(403, "Wrong operator password", null));
    }
  }
}
