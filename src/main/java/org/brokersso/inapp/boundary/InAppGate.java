package org.brokersso.inapp.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.brokersso.account.control.Onboarding;
import org.brokersso.inapp.entity.InAppRefusal;
import org.brokersso.screen.boundary.RefusalPage;
import org.brokersso.sso.control.InAppScreenTokens;
import org.brokersso.user.boundary.SignedInTrader;
import org.brokersso.user.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The entrance of every InApp screen (§5.2, §6.6 stages 13-14). A screen opened with {@code token}
 * uses the token up ({@link InAppScreenTokens}), opens a short {@link InAppSession} for its trader
 * and redirects to the same address without the token, so that a reload or the history never
 * presents it again. Without a token, only a live InApp session gets in. The {@code account} of a
 * money screen must be one of the trader's linked accounts. Anything else gets the refusal page
 * with its reason and nothing else happens.
 */
public class InAppGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Screens that concern one trading account, named in {@code account} (§5.3). */
  static final Set<String> MONEY_SCREENS = Set.of("/inapp/deposit", "/inapp/withdraw");

  /** Pages anybody may see: the refusal and the InApp success page. */
  static final Set<String> OPEN_PAGES = Set.of("/inapp/refused", "/inapp/done");

  @Inject InAppScreenTokens tokens;
  @Inject InAppSession session;
  @Inject SignedInTrader signedIn;
  @Inject Onboarding onboarding;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "inapp.session-ttl")
  Duration sessionTtl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String screen = request.getServletPath();
    if (OPEN_PAGES.contains(screen)) {
      chain.doFilter(request, response);
      return;
    }
    String token = request.getParameter("token");
    if ("GET".equals(request.getMethod()) && token != null) {
      User user;
      try {
        user = tokens.use(token, screen);
      } catch (InAppScreenTokens.Refused refused) {
        refuse(request, response, tokenRefusal(refused.reason()));
        return;
      }
      request.getSession(true);
      request
          .changeSessionId(); // whatever session this browser had belongs to the token's trader now
      session.open(user.id(), clock.instant().plus(sessionTtl));
      signedIn.signIn(
          user.id(), false); // the account-creation screen (6.3.6) knows traders this way
      if (!refusesAccount(request, response, screen, user.id())) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", withoutToken(request));
      }
      return;
    }
    // no session, no InApp session: asking the session bean would create a session for anybody
    boolean inAppOpen = request.getSession(false) != null && session.isOpen();
    if (screen.equals("/account/create") && !inAppOpen) {
      chain.doFilter(request, response); // the signup flow's account creation, not an InApp one
      return;
    }
    Optional<Long> userId = inAppOpen ? session.userAt(clock.instant()) : Optional.empty();
    if (userId.isEmpty()) {
      refuse(
          request, response, inAppOpen ? InAppRefusal.SESSION_ENDED : InAppRefusal.MISSING_TOKEN);
      return;
    }
    if (!refusesAccount(request, response, screen, userId.get())) {
      chain.doFilter(request, response);
    }
  }

  /** Refuses a money screen without an account, or with somebody else's; answers whether it did. */
  private boolean refusesAccount(
      HttpServletRequest request, HttpServletResponse response, String screen, long userId)
      throws IOException, ServletException {
    String account = request.getParameter("account");
    if (!MONEY_SCREENS.contains(screen) || !"GET".equals(request.getMethod())) {
      return false;
    }
    if (account == null || !account.matches("\\d{1,18}")) {
      refuse(request, response, InAppRefusal.MISSING_ACCOUNT);
      return true;
    }
    long login = Long.parseLong(account);
    boolean owned =
        onboarding.accountsOf(userId).stream()
            .anyMatch(a -> a.isLinked() && a.traderLogin() == login);
    if (!owned) {
      refuse(request, response, InAppRefusal.FOREIGN_ACCOUNT);
      return true;
    }
    return false;
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, InAppRefusal refusal)
      throws IOException, ServletException {
    request.setAttribute(InAppRefusal.class.getName(), refusal);
    RefusalPage.show(request, response, refusal.status(), "/inapp/refused");
  }

  private static InAppRefusal tokenRefusal(InAppScreenTokens.Reason reason) {
    return switch (reason) {
      case MISSING -> InAppRefusal.MISSING_TOKEN;
      case UNKNOWN -> InAppRefusal.UNKNOWN_TOKEN;
      case EXPIRED -> InAppRefusal.EXPIRED_TOKEN;
      case USED -> InAppRefusal.USED_TOKEN;
      case NOT_INAPP -> InAppRefusal.NOT_INAPP_TOKEN;
    };
  }

  /** The same address with every parameter but {@code token}. */
  private static String withoutToken(HttpServletRequest request) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!name.equals("token")) {
                for (String value : values) {
                  query.add(
                      URLEncoder.encode(name, StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
              }
            });
    return request.getContextPath() + request.getServletPath() + query;
  }
}
