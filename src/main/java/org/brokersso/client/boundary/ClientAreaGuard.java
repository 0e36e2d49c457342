package org.brokersso.client.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.brokersso.user.boundary.CurrentTrader;
import org.brokersso.user.boundary.SignedInTrader;

/**
 * Client-area pages need a signed-in trader whose session is still valid ({@link CurrentTrader}: no
 * password change, reset or logout everywhere since it signed in): anybody else goes to the login
 * form, and comes back to the page they asked for once logged in (instead of being handed over to
 * cTrader). An InApp opening is no sign-in (it grants its one screen only), so it gets the login
 * form too.
 */
public class ClientAreaGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject SignedInTrader signedIn;
  @Inject CurrentTrader current;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getSession(false) != null && current.userId().isPresent()) {
      chain.doFilter(request, response);
      return;
    }
    request.getSession(true);
    signedIn.returnTo(request.getServletPath());
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/auth/login");
  }
}
