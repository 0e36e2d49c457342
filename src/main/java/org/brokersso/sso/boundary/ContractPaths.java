package org.brokersso.sso.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.Config;

/**
 * Which requests are calls 4.1–4.5, seen from a servlet filter: paths under {@code /oauth2/}, also
 * behind the oldest edition's prefix ({@code sso.legacy.path-prefix}, as {@link
 * LegacyEditionFilter} strips it).
 */
record ContractPaths(String legacyPrefix) {

  static ContractPaths from(Config config) {
    return new ContractPaths(
        LegacyEditionFilter.normalised(
            config.getOptionalValue("sso.legacy.path-prefix", String.class).orElse("")));
  }

  boolean includes(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/oauth2/")
        || (!legacyPrefix.isEmpty() && path.startsWith(legacyPrefix + "/oauth2/"));
  }
}
