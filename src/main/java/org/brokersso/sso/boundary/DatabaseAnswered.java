package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.brokersso.persistence.control.DatabaseOutage;

/**
 * Tells {@link DatabaseOutage} that the database answers again: every POST of the API that succeeds
 * has read or written it (calls 4.1–4.5 all do), so the first success after an outage ends it in
 * the log, with the count of requests refused meanwhile.
 */
@Provider
public class DatabaseAnswered implements ContainerResponseFilter {

  @Inject DatabaseOutage outage;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (outage.isAway()
        && "POST".equals(request.getMethod())
        && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
      outage.answered();
    }
  }
}
