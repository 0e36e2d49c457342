package org.brokersso.sso.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.brokersso.persistence.control.DatabaseOutage;
import org.brokersso.setup.control.ApplicationStart;

/**
 * While {@link DatabaseOutage} knows the database is away, or the application has not finished
 * starting (a database away at deployment: {@link ApplicationStart}), answers 503 before anything
 * touches it (the {@code crmApiToken} check included); and tells it when the database answers
 * again: every POST of the API that succeeds has read or written it (calls 4.1–4.5 all do).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class DatabaseAvailability implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject DatabaseOutage outage;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!ApplicationStart.isServing() || outage.refusesNow()) {
      request.abortWith(FrameworkErrorMapper.unavailable());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (outage.isAway()
        && "POST".equals(request.getMethod())
        && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
      outage.answered();
    }
  }
}
