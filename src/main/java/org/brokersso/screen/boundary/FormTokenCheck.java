package org.brokersso.screen.boundary;

import jakarta.faces.render.ResponseStateManager;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses any form post to a screen that does not carry the session's {@link FormToken} (a forged
 * cross-site post, or a session that ended): 403 and the "page expired" screen, and nothing done. A
 * request of any other method that carries Faces' view state is refused the same way: Faces would
 * take it for a form submission and run the form's action, and only a POST is checked for the
 * token. Mapped on forwards too, since the broker's login address reaches the forms by one.
 */
public class FormTokenCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject FormToken token;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean post = "POST".equals(request.getMethod());
    if (post
            && (request.getSession(false) == null
                || !token.matches(request.getParameter(FormToken.FIELD)))
        || !post && request.getParameter(ResponseStateManager.VIEW_STATE_PARAM) != null) {
      RefusalPage.show(request, response, HttpServletResponse.SC_FORBIDDEN, "/screen/expired");
      return;
    }
    chain.doFilter(request, response);
  }
}
