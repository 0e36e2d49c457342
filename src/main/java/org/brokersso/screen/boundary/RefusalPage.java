package org.brokersso.screen.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Answers a refused request with a screen of its own and a 4xx status. The request is shown to that
 * view as a plain GET without parameters, so Faces renders the page instead of processing a form
 * (or a query string) that was refused.
 */
public final class RefusalPage {

  private RefusalPage() {}

  public static void show(
      HttpServletRequest request, HttpServletResponse response, int status, String view)
      throws IOException, ServletException {
    response.setStatus(status);
    request.getRequestDispatcher(view).forward(withoutParameters(request), response);
  }

  /**
   * The request as a plain GET without parameters: Faces renders the view and processes nothing.
   */
  static HttpServletRequest withoutParameters(HttpServletRequest request) {
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
