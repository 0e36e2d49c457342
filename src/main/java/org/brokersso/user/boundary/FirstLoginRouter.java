package org.brokersso.user.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * cTrader knows one login/signup URL (§5.4): {@code /auth/login?firstLogin=true} shows the signup
 * form, anything else the login form. The signup form is its own view ({@code /auth/signup}), so
 * this forwards to it; the address bar keeps the URL cTrader opened.
 */
@WebFilter(urlPatterns = "/auth/login")
public class FirstLoginRouter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("GET".equals(request.getMethod()) && "true".equalsIgnoreCase(request.getParameter("firstLogin"))) {
      request.getRequestDispatcher("/auth/signup").forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
