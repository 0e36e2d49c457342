package org.brokersso.screen.boundary;

import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.brokersso.persistence.control.DatabaseOutage;
import org.brokersso.setup.control.ApplicationStart;

/**
 * The one error page, {@code /screen/error}, for every failure that reaches the server (web.xml's
 * error pages: any exception, and the error statuses): it runs on that ERROR dispatch, after {@link
 * ScreenSecurityHeaders}. A form whose view is gone ({@link ViewExpiredException}, also made of a
 * view state that cannot be restored by {@link ExpiredViews}) gets the "page expired" screen with
 * 403, as a refused form does; a database that cannot be reached (or a start-up still waiting for
 * it) 503 with {@code Retry-After}; anything else the error page with the failure's status (500 for
 * an exception). Either is rendered as a plain GET, so nothing of the failed request is processed
 * again, and shows nothing of the failure: the server's log has it.
 */
public class ScreenErrors extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final String RETRY_AFTER_SECONDS = "5";

  @Inject transient DatabaseOutage outage;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (expired((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      RefusalPage.show(request, response, HttpServletResponse.SC_FORBIDDEN, "/screen/expired");
      return;
    }
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (!ApplicationStart.isServing() || outage.explains(failure)) {
      // not the trader's fault nor a fault of the product: the database is away (or was at
      // start-up, and the schema is not migrated yet); try again shortly
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      chain.doFilter(RefusalPage.withoutParameters(request), response);
      return;
    }
    // set again even when unchanged: the status line then carries no message of the failure
    response.setStatus(
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
            ? status
            : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    chain.doFilter(RefusalPage.withoutParameters(request), response);
  }

  /** Whether a ViewExpiredException is the failure or any of its causes. */
  static boolean expired(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = cause(t)) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable cause(Throwable t) {
    return t instanceof ServletException servlet && servlet.getRootCause() != null
        ? servlet.getRootCause()
        : t.getCause();
  }
}
