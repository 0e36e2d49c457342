package org.brokersso.screen.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The screens' two cookies and the attributes they share. cTrader shows the screens in an iframe of
 * another site, where a browser that restricts third-party cookies keeps a cookie only when it is
 * partitioned to that site (CHIPS): {@code SameSite=None; Secure; Partitioned}. With {@code Secure}
 * the name carries the {@code __Host-} prefix, so no other host (a sibling subdomain, a plain-http
 * page) can plant or overwrite it: browsers accept such a cookie only with {@code Secure}, {@code
 * Path=/} and no {@code Domain}. Without {@code Secure} ({@code screen.cookie.secure=false}: plain
 * http on a host other than localhost, never embedded) neither the prefix nor {@code Partitioned}
 * is allowed, so the plain name with {@code SameSite=Lax} is used.
 */
public enum ScreenCookie {
  /** The server session, set only once a form post needs one (docs/screens.md). */
  SESSION("BROKER_SSO_SESSION"),
  /** The random value a visitor's form tokens are bound to ({@link FormToken}); no server state. */
  FORM("BROKER_SSO_FORM"),
  /**
   * The first partner ({@code partnerId}) this browser brought: attribution is first-touch, so a
   * later link from another site cannot change it (docs/screens.md).
   */
  PARTNER("BROKER_SSO_PARTNER");

  private static final String HOST_PREFIX = "__Host-";

  private final String plainName;

  ScreenCookie(String plainName) {
    this.plainName = plainName;
  }

  public String cookieName(boolean secure) {
    return secure ? HOST_PREFIX + plainName : plainName;
  }

  /** The SameSite value: None in cTrader's cross-site frame, which browsers allow only Secure. */
  public static String sameSite(boolean secure) {
    return secure ? "None" : "Lax";
  }

  /** A Set-Cookie header value for a cookie that lasts as long as the browser's session. */
  String header(String value, boolean secure) {
    return cookieName(secure)
        + "="
        + value
        + "; Path=/; HttpOnly; SameSite="
        + sameSite(secure)
        + (secure ? "; Secure; Partitioned" : "");
  }

  /** The cookie's value in this request, if it has one. */
  Optional<String> in(HttpServletRequest request, boolean secure) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    String name = cookieName(secure);
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }
}
