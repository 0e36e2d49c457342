package org.brokersso.screen.boundary;

import jakarta.faces.render.ResponseStateManager;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses any form post to a screen that does not carry the visitor's {@link FormToken} (a forged
 * cross-site post, a session that ended, or a form older than the server's key): 403 and the "page
 * expired" screen, and nothing done. A request of any other method that carries Faces' view state
 * is refused the same way: Faces would take it for a form submission and run the form's action, and
 * only a POST is checked for the token. A screen opened without the form cookie gets one (a random
 * value, no server state), for the token of the forms it renders. Mapped on forwards too: a
 * broker's own login address ({@code screen.login-path}) reaches the login view only by {@code
 * LoginAddress}'s forward.
 */
public class FormTokenCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject FormToken token;

  @Inject
  @ConfigProperty(name = "screen.cookie.secure")
  boolean secure;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equals(request.getMethod())) {
      if (!token.matches(request.getParameter(FormToken.FIELD))) {
        RefusalPage.show(request, response, HttpServletResponse.SC_FORBIDDEN, "/screen/expired");
        return;
      }
    } else if (request.getParameter(ResponseStateManager.VIEW_STATE_PARAM) != null) {
      RefusalPage.show(request, response, HttpServletResponse.SC_FORBIDDEN, "/screen/expired");
      return;
    } else if (request.getAttribute(FormToken.NEW_BINDING) == null
        && ScreenCookie.FORM.in(request, secure).isEmpty()) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      request.setAttribute(FormToken.NEW_BINDING, binding);
      response.addHeader("Set-Cookie", ScreenCookie.FORM.header(binding, secure));
    }
    chain.doFilter(request, response);
  }
}
