package org.brokersso.sso.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer of the API, success or error, is {@code Cache-Control: no-store} (and {@code Pragma:
 * no-cache} for HTTP/1.0 caches): 4.1–4.4 answer with tokens (crmApiToken, accessToken, inappToken,
 * OT tokens) that no proxy or client cache may keep (RFC 6749 §5.1 asks the same of token answers);
 * the operator and sandbox endpoints answer with traders' data.
 */
@Provider
public class UncachedResponses implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    response.getHeaders().putSingle("Pragma", "no-cache");
  }
}
