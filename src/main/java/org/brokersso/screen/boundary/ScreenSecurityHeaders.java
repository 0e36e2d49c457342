package org.brokersso.screen.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.brokersso.ctrader.control.CtraderWebAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers every screen answers with. The screens run in cTrader's iframe, so {@code
 * frame-ancestors} names the configured cTrader origins and nothing else may frame them. Screens
 * show personal data and URLs carry OT tokens (§5.5, §6.6), so nothing is cached and no Referer
 * leaves the page. No script is needed, so none is allowed. It runs first (web.xml) and on forwards
 * too: a forward to another screen (LoginAddress, a refusal page) gets the same headers.
 */
public class ScreenSecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "screen.frame-ancestors")
  String frameAncestors;

  @Inject
  @ConfigProperty(name = "sso.success-url")
  String successUrl;

  @Inject CtraderWebAddress ctraderWeb;

  private String policy;

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
            "frame-ancestors " + frameAncestors.replace(',', ' '));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/assets/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
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
