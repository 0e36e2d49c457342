package org.brokersso.screen.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives the session cookie the server sets the attributes {@link ScreenSessionCookie} asks for,
 * before the answer is committed. Servlet 6's {@code SessionCookieConfig} attributes are ignored by
 * Payara, which writes only a fixed SameSite (glassfish-web.xml): so {@code Partitioned} is added
 * when the cookie is Secure (without it, a browser that restricts third-party cookies drops the
 * session inside cTrader's iframe), and SameSite becomes Lax when it is not (a browser refuses
 * {@code SameSite=None} without Secure). A cookie that is already right (WildFly) is left alone.
 *
 * <p>The same goes for {@value #SESSION_VERSION}, which Payara sets beside the session cookie once
 * the WAR is distributable: the version of the session the browser last saw, by which an instance
 * of a cluster tells a stale copy of the session from the current one. A browser that drops it (an
 * unpartitioned cookie in cTrader's iframe) loses its session (docs/operations.md).
 */
public class SessionCookieAttributes extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String SET_COOKIE = "Set-Cookie";

  /** Payara's cookie of the session's version (replicated sessions). */
  static final String SESSION_VERSION = "JSESSIONIDVERSION";

  private static final Pattern SAME_SITE_NONE =
      Pattern.compile("SameSite=None", Pattern.CASE_INSENSITIVE);

  private boolean secure;
  private String prefix;

  @Override
  public void init() {
    // a filter the container builds before CDI injection is guaranteed: configuration looked up
    secure = ConfigProvider.getConfig().getValue("screen.cookie.secure", Boolean.class);
    prefix = ScreenCookie.SESSION.cookieName(secure) + "=";
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Completing completing = new Completing(response);
    chain.doFilter(request, completing);
    completing.complete();
  }

  /** The session cookie (or its version) as it must be; any other cookie unchanged. */
  String completed(String cookie) {
    if (!cookie.startsWith(prefix) && !cookie.startsWith(SESSION_VERSION + "=")) {
      return cookie;
    }
    if (!secure) {
      return SAME_SITE_NONE.matcher(cookie).replaceAll("SameSite=Lax");
    }
    return cookie.toLowerCase(Locale.ROOT).contains("partitioned")
        ? cookie
        : cookie + "; Partitioned";
  }

  /** The answer, whose session cookie is completed at each point that may commit it. */
  private final class Completing extends HttpServletResponseWrapper {

    Completing(HttpServletResponse response) {
      super(response);
    }

    void complete() {
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (response.isCommitted()) {
        return;
      }
      List<String> cookies = new ArrayList<>(response.getHeaders(SET_COOKIE));
      if (cookies.stream().allMatch(c -> completed(c).equals(c))) {
        return;
      }
      for (int i = 0; i < cookies.size(); i++) {
        if (i == 0) {
          response.setHeader(SET_COOKIE, completed(cookies.get(i))); // replaces them all
        } else {
          response.addHeader(SET_COOKIE, completed(cookies.get(i)));
        }
      }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      complete();
      super.sendRedirect(location);
    }

    @Override
    public void sendError(int status) throws IOException {
      complete();
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      complete();
      super.sendError(status, message);
    }

    @Override
    public void flushBuffer() throws IOException {
      complete();
      super.flushBuffer();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      complete();
      return super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      complete();
      return super.getOutputStream();
    }
  }
}
