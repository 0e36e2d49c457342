package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.brokersso.ctrader.control.CtraderWebAddress;
import org.brokersso.sso.entity.OneTimePurpose;
import org.brokersso.user.control.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hand-over of a trader to cTrader. At the end of every login, signup and account creation
 * (§5.5): a fresh OT token for the user, remembering "keep me logged in", placed in the success
 * URL's {@code token} parameter. The token lives a minute, so the caller redirects at once.
 */
@ApplicationScoped
public class HandOver {

  @Inject OneTimeTokens oneTimeTokens;
  @Inject Users users;

  @Inject
  @ConfigProperty(name = "sso.success-url")
  String successUrl;

  @Inject CtraderWebAddress ctraderWeb;

  /** The success URL carrying a new OT token; a path ("/callback/success") is on this server. */
  @Transactional
  public String successUrlFor(long userId, boolean keepLoggedIn) {
    var user =
        users
            .byId(userId)
            .orElseThrow(() -> new IllegalArgumentException("No broker user " + userId));
    String token = oneTimeTokens.mintFor(user, OneTimePurpose.LOGIN, keepLoggedIn);
    return successUrl + (successUrl.contains("?") ? "&" : "?") + "token=" + token;
  }

  /**
   * Embedded cTrader Web (§5.6, conformance 6.3.8): its URL with a new OT token for the signed-in
   * trader, the screen's language and, when given, the trading account to open ({@code acc}, the
   * [MID]/[NEW] name; see docs/contract-choices.md).
   */
  @Transactional
  public String ctraderWebUrlFor(long userId, String lang, Long traderLogin) {
    var user =
        users
            .byId(userId)
            .orElseThrow(() -> new IllegalArgumentException("No broker user " + userId));
    String token = oneTimeTokens.mintFor(user, OneTimePurpose.WEB_EMBED, false);
    String base = ctraderWeb.url();
    return base
        + (base.contains("?") ? "&" : "?")
        + "source=web&token="
        + token
        + "&lang="
        + lang
        + (traderLogin == null ? "" : "&acc=" + traderLogin);
  }
}
