package org.brokersso.signin.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one login/signup URL cTrader knows (§5.4), {@code screen.login-path} ({@code /auth/login} by
 * default): {@code ?firstLogin=true} shows the signup form, anything else the login form. Both
 * forms are views of their own ({@code /auth/signup}, {@code /auth/login}), so this forwards; the
 * address bar keeps the URL cTrader opened. {@code /auth/login} itself always works too.
 */
public class LoginAddress extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String LOGIN_VIEW = "/auth/login";
  static final String SIGNUP_VIEW = "/auth/signup";

  @Inject
  @ConfigProperty(name = "screen.login-path")
  String loginPath;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // mapped to /* (the login address may be anywhere), so every API call passes here: decide
    // cheaply
    if (!"GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.equals(loginPath) || path.equals(LOGIN_VIEW)) {
      boolean firstLogin = "true".equalsIgnoreCase(request.getParameter("firstLogin"));
      String view = firstLogin ? SIGNUP_VIEW : LOGIN_VIEW;
      if (!view.equals(path)) {
        request.getRequestDispatcher(view).forward(request, response);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
