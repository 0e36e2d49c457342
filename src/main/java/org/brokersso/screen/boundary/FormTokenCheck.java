package org.brokersso.screen.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses any form post to a screen that does not carry the session's {@link FormToken} (a forged
 * cross-site post, or a session that ended): 403 and the "page expired" screen, and nothing done.
 */
public class FormTokenCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject FormToken token;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equals(request.getMethod())
        && (request.getSession(false) == null
            || !token.matches(request.getParameter(FormToken.FIELD)))) {
      RefusalPage.show(request, response, HttpServletResponse.SC_FORBIDDEN, "/screen/expired");
      return;
    }
    chain.doFilter(request, response);
  }
}
