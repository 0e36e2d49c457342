package org.brokersso.client.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.screen.boundary.ScreenParameters;
import org.brokersso.sso.control.HandOver;
import org.brokersso.user.boundary.SignedInTrader;

/**
 * "Open cTrader Web" at {@code /client/web?acc=} (§5.6, §6.5, conformance 6.3.8): cTrader Web in an
 * iframe, logged in through a fresh OT token, on the chosen account (one of the trader's own).
 */
@Named
@RequestScoped
public class CtraderWeb {

  @Inject HandOver handOver;
  @Inject Onboarding onboarding;
  @Inject SignedInTrader signedIn;
  @Inject ScreenParameters screen;

  private Long acc;
  private String url;

  /** The iframe's address; minted once per page view (the token lives a minute and works once). */
  public String getUrl() {
    if (url == null) {
      long userId = signedIn.userId().orElseThrow();
      Long traderLogin =
          onboarding.accountsOf(userId).stream()
              .filter(TraderAccount::isLinked)
              .map(TraderAccount::traderLogin)
              .filter(login -> acc == null || login.equals(acc))
              .findFirst()
              .orElse(null);
      url = handOver.ctraderWebUrlFor(userId, screen.getLang(), traderLogin);
    }
    return url;
  }

  public Long getAcc() {
    return acc;
  }

  public void setAcc(Long acc) {
    this.acc = acc;
  }
}
