package org.brokersso.screen.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Refuses any form post to a screen that does not carry the session's {@link FormToken} (a forged
 * cross-site post, or a session that ended): 403 and the "page expired" screen, and nothing done.
 */
@WebFilter(urlPatterns = {"/auth/*", "/account/*", "/client/*", "/inapp/*"})
public class FormTokenCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject FormToken token;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equals(request.getMethod()) && (request.getSession(false) == null || !token.matches(request.getParameter(FormToken.FIELD)))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      request.getRequestDispatcher("/screen/expired").forward(withoutForm(request), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The refused post as a plain GET, so the "expired" view renders instead of processing the form. */
  private static HttpServletRequest withoutForm(HttpServletRequest request) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getMethod() {
        return "GET";
      }

      @Override
      public String getParameter(String name) {
        return null;
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        return Map.of();
      }

      @Override
      public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
      }

      @Override
      public String[] getParameterValues(String name) {
        return null;
      }
    };
  }
}
