package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;

/**
 * Counts every answer of calls 4.1-4.5 by call and outcome: {@code ok}, or the contract's error
 * code ({@code CH_CLIENT_AUTH_FAILURE}, {@code CID_TOKEN_EXPIRED}, ...), or the status when the
 * answer has no code. Answers the servlet filters give before JAX-RS (a 503 while the database is
 * away) are not counted here; the database outage has its own log lines.
 */
@Provider
public class ContractCallMetrics implements ContainerResponseFilter {

  private static final Map<Class<?>, String> CALLS =
      Map.of(
          CrmApiTokenResource.class, "4.1",
          OneTimeAuthorizeResource.class, "4.2",
          AuthorizeResource.class, "4.3",
          OneTimeGenerateResource.class, "4.4",
          LogoutResource.class, "4.5");

  @Context ResourceInfo resource;
  @Inject Metrics metrics;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String call = null;
    // a runtime may hand back a subclass of ours (a CDI proxy)
    for (Class<?> c = resource == null ? null : resource.getResourceClass();
        c != null && call == null;
        c = c.getSuperclass()) {
      call = CALLS.get(c);
    }
    if (call != null) {
      metrics.increment(Meter.CONTRACT_CALLS, call, outcome(response));
    }
  }

  static String outcome(ContainerResponseContext response) {
    if (response.getStatus() < 300) {
      return "ok";
    }
    return response.getEntity() instanceof ErrorBody body && body.code() != null
        ? body.code()
        : String.valueOf(response.getStatus());
  }
}
