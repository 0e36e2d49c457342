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
import org.brokersso.operator.control.OperatorRequestShape;
import org.brokersso.operator.control.OperatorRequestShape.Verdict;
import org.brokersso.sso.boundary.ContractErrorMapper;

/**
 * Lets an {@link OperatorOnly} request through only with the operator password (HTTP Basic, any
 * user name): 404 when no password is configured (the endpoints do not exist), 401 with a Basic
 * challenge when none was sent, 403 when it is wrong (contract-choices row 27). Before the
 * password, a cross-site request is refused with 403 and a body that is not JSON with 415 ({@link
 * OperatorRequestShape}): a browser holding the password must not act for another site's page.
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorFilter implements ContainerRequestFilter {

  @Inject OperatorPassword password;
  @Inject OperatorRequestShape shape;

  @Override
  public void filter(ContainerRequestContext request) {
    Check check = password.check(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (check == Check.NO_OPERATORS) {
      request.abortWith(ContractErrorMapper.of(404, "Not Found", null));
      return;
    }
    Verdict verdict =
        shape.judge(
            request.getMethod(),
            request.getHeaderString("Origin"),
            request.getHeaderString("Sec-Fetch-Site"),
            request.getHeaderString(HttpHeaders.HOST),
            request.getHeaderString(HttpHeaders.CONTENT_TYPE));
    if (verdict == Verdict.CROSS_SITE) {
      request.abortWith(
          ContractErrorMapper.of(
              403,
              "Refused: a cross-site request (call the operator endpoints from a script, not from"
                  + " another site's page)",
              null));
      return;
    }
    if (verdict == Verdict.NOT_JSON) {
      request.abortWith(
          ContractErrorMapper.of(415, "The operator endpoints take JSON bodies only", null));
      return;
    }
    if (check == Check.ACCEPTED) {
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
