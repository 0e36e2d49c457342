package org.brokersso.client.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.brokersso.user.boundary.SignedInTrader;

/**
 * Client-area pages need a signed-in trader: anybody else goes to the login form, and comes back to
 * the page they asked for once logged in (instead of being handed over to cTrader).
 */
public class ClientAreaGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject SignedInTrader signedIn;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getSession(false) != null && signedIn.userId().isPresent()) {
      chain.doFilter(request, response);
      return;
    }
    request.getSession(true);
    signedIn.returnTo(request.getServletPath());
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/auth/login");
  }
}
