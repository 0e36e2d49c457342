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
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import org.brokersso.account.control.Onboarding;
import org.brokersso.inapp.entity.InAppRefusal;
import org.brokersso.screen.boundary.RefusalPage;
import org.brokersso.sso.control.InAppScreenTokens;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The entrance of every InApp screen (§5.2, §6.6 stages 13-14). A screen opened with {@code token}
 * uses the token up ({@link InAppScreenTokens}), grants this browser that one screen for the
 * token's trader ({@link InAppGrant}, {@code inapp.session-ttl}) and redirects to the same address
 * without the token, so that a reload or the history never presents it again. Without a token, only
 * a live grant for this very screen gets in (its form posts); the grant ends early when the
 * trader's password changed or they logged out everywhere. The {@code account} of a money screen
 * must be one of the trader's linked accounts, and then stays the one the grant was opened for.
 * Anything else gets the refusal page with its reason and nothing else happens.
 *
 * <p>A grant is no sign-in: it never touches the browser's {@code SignedInTrader}, so an InApp link
 * opens no client area, and a browser signed in as one trader that is made to open another's link
 * stays who it was.
 */
public class InAppGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Screens that concern one trading account, named in {@code account} (§5.3). */
  static final Set<String> MONEY_SCREENS = Set.of("/inapp/deposit", "/inapp/withdraw");

  /** Pages anybody may see: the refusal and the InApp success page. */
  static final Set<String> OPEN_PAGES = Set.of("/inapp/refused", "/inapp/done");

  /** The signup flow's account creation, which an InApp token may open too (6.3.6). */
  static final String ACCOUNT_CREATION = "/account/create";

  @Inject InAppScreenTokens tokens;
  @Inject InAppGrants grants;
  @Inject Users users;
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
      open(request, response, screen, token);
      return;
    }
    Optional<InAppGrant> grant =
        request.getSession(false) == null ? Optional.empty() : grants.of(screen);
    if (grant.isEmpty()) {
      if (screen.equals(ACCOUNT_CREATION)) {
        chain.doFilter(request, response); // the signup flow's account creation, not an InApp one
      } else {
        refuse(request, response, InAppRefusal.MISSING_TOKEN);
      }
      return;
    }
    if (!grant.get().isLiveAt(clock.instant()) || isStale(grant.get())) {
      grants.end(screen);
      refuse(request, response, InAppRefusal.SESSION_ENDED);
      return;
    }
    if (MONEY_SCREENS.contains(screen) && "GET".equals(request.getMethod())) {
      Optional<Long> account = account(request);
      if (account.isEmpty() || !account.equals(grant.get().account())) {
        refuse(
            request,
            response,
            account.isEmpty() ? InAppRefusal.MISSING_ACCOUNT : InAppRefusal.FOREIGN_ACCOUNT);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * Uses the token up and grants this browser the screen, then drops the token from the address.
   */
  private void open(
      HttpServletRequest request, HttpServletResponse response, String screen, String token)
      throws IOException, ServletException {
    User user;
    try {
      user = tokens.use(token, screen);
    } catch (InAppScreenTokens.Refused refused) {
      refuse(request, response, tokenRefusal(refused.reason()));
      return;
    }
    Long account = null;
    if (MONEY_SCREENS.contains(screen)) {
      Optional<Long> named = account(request);
      if (named.isEmpty() || !isLinkedAccountOf(user.id(), named.get())) {
        refuse(
            request,
            response,
            named.isEmpty() ? InAppRefusal.MISSING_ACCOUNT : InAppRefusal.FOREIGN_ACCOUNT);
        return;
      }
      account = named.get();
    }
    request.getSession(true);
    request.changeSessionId(); // a session id fixed before the opening is worth nothing after it
    grants.open(
        new InAppGrant(
            user.id(), user.credentialEpoch(), account, screen, clock.instant().plus(sessionTtl)));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", withoutToken(request));
  }

  /** The trader's password changed, or they logged out everywhere, since the opening. */
  private boolean isStale(InAppGrant grant) {
    OptionalLong current = users.credentialEpoch(grant.userId());
    return current.isEmpty() || current.getAsLong() != grant.credentialEpoch();
  }

  private static Optional<Long> account(HttpServletRequest request) {
    String account = request.getParameter("account");
    return account != null && account.matches("\\d{1,18}")
        ? Optional.of(Long.parseLong(account))
        : Optional.empty();
  }

  private boolean isLinkedAccountOf(long userId, long login) {
    return onboarding.accountsOf(userId).stream()
        .anyMatch(a -> a.isLinked() && a.traderLogin() == login);
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
