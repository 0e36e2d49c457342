package org.brokersso.sso.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.brokersso.sso.control.CrmApiTokens;

/**
 * Refuses calls 4.2–4.5 with 403 {@code CH_CLIENT_AUTH_FAILURE} before their body is read, unless
 * they carry a live {@code crmApiToken}. The oldest edition of the contract named the parameter
 * {@code token}; it is accepted too (docs/contract-choices.md).
 */
@Provider
@CrmApiTokenRequired
@Priority(Priorities.AUTHENTICATION)
public class CrmApiTokenFilter implements ContainerRequestFilter {

  @Inject CrmApiTokens tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    String token = query.getFirst("crmApiToken");
    if (token == null) {
      token = query.getFirst("token");
    }
    if (!tokens.isKnownLive(token)) {
      tokens.verify(token); // in a transaction: it may query, and a refusal is audited
    }
  }
}
