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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** The request attribute Payara keeps the session versions in: context path to version. */
  static final String SESSION_VERSIONS = "com.sun.enterprise.http.sessionVersions";

  /**
   * The cookie's value as Payara writes it: per context, the path's UTF-8 bytes in hexadecimal,
   * {@code :}, the version; contexts separated by {@code :}.
   */
  static String sessionVersion(Map<?, ?> versions) {
    StringBuilder value = new StringBuilder();
    for (Map.Entry<?, ?> version : versions.entrySet()) {
      if (value.length() > 0) {
        value.append(':');
      }
      value
          .append(
              HexFormat.of()
                  .formatHex(String.valueOf(version.getKey()).getBytes(StandardCharsets.UTF_8)))
          .append(':')
          .append(version.getValue());
    }
    return value.toString();
  }

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
    Completing completing = new Completing(request, response);
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

    private final HttpServletRequest request;
    private String versionWritten;

    Completing(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    void complete() {
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (response.isCommitted()) {
        return;
      }
      writeSessionVersion(response);
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

    /**
     * Payara writes {@value #SESSION_VERSION} itself while it commits the answer, after every
     * filter, so it cannot be completed like the session cookie. Written here first, as Payara
     * would write it but {@code Partitioned}, a browser that drops Payara's own (an unpartitioned
     * cookie inside cTrader's iframe) still has this one; where both are kept they carry the same
     * version. The versions come from the request attribute Payara writes its cookie from.
     */
    private void writeSessionVersion(HttpServletResponse response) {
      if (!secure || !(request.getAttribute(SESSION_VERSIONS) instanceof Map<?, ?> versions)) {
        return;
      }
      String value = sessionVersion(versions);
      if (value.isEmpty() || value.equals(versionWritten)) {
        return;
      }
      response.addHeader(
          SET_COOKIE,
          SESSION_VERSION + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=None; Partitioned");
      versionWritten = value;
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
