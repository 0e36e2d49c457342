package org.brokersso.screen.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.brokersso.ctrader.control.CtraderWebAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers every screen answers with. The screens run in cTrader's iframe, so {@code
 * frame-ancestors} names the configured cTrader origins and nothing else may frame them; {@code
 * X-Frame-Options}, which cannot name them, is sent only where it says the same ({@code 'none'} or
 * {@code 'self'} alone), so no browser that knows only that header refuses the screens inside
 * cTrader (Payara's own SAMEORIGIN is off: server-config/payara/pre-boot-commands.asadmin). Screens
 * show personal data and URLs carry OT tokens (§5.5, §6.6), so nothing is cached and no Referer
 * leaves the page. No script is needed, so none is allowed. When the public URL is https, browsers
 * are told to use nothing else (HSTS). It runs first (web.xml), on forwards too (a forward to
 * another screen: LoginAddress, a refusal page) and on the error page's ERROR dispatch, for which
 * the server has dropped every header set before.
 */
public class ScreenSecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "screen.frame-ancestors")
  String frameAncestors;

  @Inject
  @ConfigProperty(name = "sso.success-url")
  String successUrl;

  @Inject
  @ConfigProperty(name = "screen.public-url")
  Optional<String> publicUrl;

  @Inject CtraderWebAddress ctraderWeb;

  private String policy;
  private Optional<String> frameOptions;
  private Optional<String> transportSecurity;

  @Override
  public void init() {
    // a form's redirect must be allowed to reach the success URL, wherever the broker put it
    policy =
        String.join(
            "; ",
            "default-src 'none'",
            "style-src 'self'",
            "img-src 'self' data:",
            "base-uri 'none'",
            ("form-action 'self' " + origin(successUrl)).trim(),
            ("frame-src 'self' " + origin(ctraderWeb.url())).trim(),
            "frame-ancestors " + String.join(" ", sources(frameAncestors)));
    frameOptions = frameOptions(frameAncestors);
    transportSecurity = transportSecurity(publicUrl);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    frameOptions.ifPresent(value -> response.setHeader("X-Frame-Options", value));
    transportSecurity.ifPresent(value -> response.setHeader("Strict-Transport-Security", value));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/assets/") && !path.equals("/favicon.ico")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  /** The sources of {@code screen.frame-ancestors}, space- or comma-separated. */
  static List<String> sources(String frameAncestors) {
    return Arrays.stream(frameAncestors.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The X-Frame-Options that says what frame-ancestors says, if one can: DENY for {@code 'none'},
   * SAMEORIGIN for {@code 'self'}; none for other origins, which it cannot name (ALLOW-FROM is
   * obsolete), so that frame-ancestors alone decides.
   */
  static Optional<String> frameOptions(String frameAncestors) {
    List<String> sources = sources(frameAncestors.toLowerCase(Locale.ROOT));
    if (sources.equals(List.of("'none'"))) {
      return Optional.of("DENY");
    }
    if (sources.equals(List.of("'self'"))) {
      return Optional.of("SAMEORIGIN");
    }
    return Optional.empty();
  }

  /**
   * HSTS when the screens' public URL is https: a year, subdomains of that host included. Never for
   * http (a sandbox or a laptop), where it would lock the host out of plain HTTP.
   */
  static Optional<String> transportSecurity(Optional<String> publicUrl) {
    return publicUrl
        .map(String::trim)
        .filter(url -> url.regionMatches(true, 0, "https://", 0, "https://".length()))
        .map(url -> "max-age=31536000; includeSubDomains");
  }

  /**
   * "https://host[:port]" of an absolute URL; empty for a path on this server ('self' covers it).
   */
  static String origin(String url) {
    URI uri = URI.create(url.trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      return "";
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
