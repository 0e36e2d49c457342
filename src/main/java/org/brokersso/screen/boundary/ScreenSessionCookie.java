package org.brokersso.screen.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The screens' session cookie: HttpOnly always, Secure from {@code screen.cookie.secure}, and
 * {@code SameSite=None}: cTrader shows the screens in an iframe of another site, where a cookie
 * travels only with {@code SameSite=None} (which browsers accept only with {@code Secure}). Payara
 * ignores Servlet 6 cookie attributes, so its glassfish-web.xml sets SameSite too. Forms are
 * protected against cross-site posts by {@link FormToken}, not by SameSite.
 */
@WebListener
public class ScreenSessionCookie implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    // a listener runs before CDI injection is guaranteed, so the configuration is looked up
    var config = ConfigProvider.getConfig();
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setName("BROKER_SSO_SESSION");
    cookie.setHttpOnly(true);
    cookie.setSecure(config.getValue("screen.cookie.secure", Boolean.class));
    cookie.setAttribute("SameSite", "None");
  }
}
