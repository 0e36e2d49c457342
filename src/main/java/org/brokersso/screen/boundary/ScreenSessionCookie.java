package org.brokersso.screen.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The screens' session cookie ({@link ScreenCookie#SESSION}): HttpOnly always; with {@code
 * screen.cookie.secure} (the default) {@code __Host-BROKER_SSO_SESSION}, Secure, {@code
 * SameSite=None} and {@code Partitioned}, which cTrader's cross-site iframe needs once browsers
 * restrict third-party cookies. Payara ignores Servlet 6 cookie attributes, so its
 * glassfish-web.xml sets SameSite too. Forms are protected against cross-site posts by {@link
 * FormToken}, not by SameSite.
 */
@WebListener
public class ScreenSessionCookie implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    // a listener runs before CDI injection is guaranteed, so the configuration is looked up
    boolean secure = ConfigProvider.getConfig().getValue("screen.cookie.secure", Boolean.class);
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setName(ScreenCookie.SESSION.cookieName(secure));
    cookie.setPath("/"); // the __Host- prefix needs it (and no Domain)
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setAttribute("SameSite", ScreenCookie.sameSite(secure));
    if (secure) {
      cookie.setAttribute("Partitioned", "true");
    }
  }
}
