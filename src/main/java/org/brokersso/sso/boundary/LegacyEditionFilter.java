package org.brokersso.sso.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The oldest edition of the contract showed every call under a {@code /cid} prefix ({@code
 * /cid/oauth2/onetime/authorize}). This filter strips the configured prefix ({@code
 * sso.legacy.path-prefix}; {@code none} turns it off) before matching, so resources only ever see
 * the current edition.
 */
@Provider
@PreMatching
public class LegacyEditionFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "sso.legacy.path-prefix")
  String prefix;

  @Override
  public void filter(ContainerRequestContext request) {
    String legacy = normalised(prefix);
    if (legacy.isEmpty()) {
      return;
    }
    String path = request.getUriInfo().getPath();
    String relative = path.startsWith("/") ? path : "/" + path;
    if (relative.startsWith(legacy + "/oauth2/")) {
      URI base = request.getUriInfo().getBaseUri();
      URI current = request.getUriInfo().getRequestUri();
      URI rewritten =
          UriBuilder.fromUri(base)
              .path(relative.substring(legacy.length()))
              .replaceQuery(current.getRawQuery())
              .build();
      request.setRequestUri(base, rewritten);
    }
  }

  static String normalised(String configured) {
    String p = configured == null ? "" : configured.strip();
    if (p.isEmpty() || p.equals("/") || p.equalsIgnoreCase("none")) {
      return "";
    }
    p = p.startsWith("/") ? p : "/" + p;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
