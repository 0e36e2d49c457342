package org.brokersso.screen.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers the display and tracking parameters a flow is opened with (any GET of a screen in a
 * session), so the steps after a form post keep them (§5.3, §6.10). Unknown and malformed
 * parameters are ignored. Mapped in web.xml, on forwards too: a broker's own login address ({@code
 * screen.login-path}) reaches the views only by {@code LoginAddress}'s forward.
 */
public class ScreenParameterFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject CarriedParameters carried;

  @Inject
  @ConfigProperty(name = "screen.cookie.secure")
  boolean secure;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // an anonymous visitor gets no session for them: the forms' addresses carry them instead
    // (ScreenFormAddress)
    if ("GET".equals(request.getMethod()) && request.getSession(false) != null) {
      Map<String, String> present = new HashMap<>();
      for (ScreenParameter parameter : ScreenParameter.values()) {
        parameter
            .accept(request.getParameter(parameter.parameterName()))
            .ifPresent(v -> present.put(parameter.parameterName(), v));
      }
      if (!present.isEmpty()) {
        carried.remember(present);
      }
    }
    if ("GET".equals(request.getMethod())
        && ScreenCookie.PARTNER
            .in(request, secure)
            .flatMap(ScreenParameter.PARTNER_ID::accept)
            .isEmpty()) {
      // first touch: only the first partner a browser brings is remembered, without a session
      ScreenParameter.PARTNER_ID
          .accept(request.getParameter(ScreenParameter.PARTNER_ID.parameterName()))
          .ifPresent(
              partner ->
                  response.addHeader("Set-Cookie", ScreenCookie.PARTNER.header(partner, secure)));
    }
    chain.doFilter(request, response);
  }
}
