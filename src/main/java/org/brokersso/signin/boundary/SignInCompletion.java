package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.brokersso.account.control.Onboarding;
import org.brokersso.ribbon.control.RibbonPublisher;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.sso.control.HandOver;
import org.brokersso.user.boundary.SignedInTrader;
import org.brokersso.user.control.PartnerAttribution;
import org.brokersso.user.entity.User;

/**
 * Where a trader goes once login or signup succeeded: a trader without a linked trading account
 * first creates one (§6.1 stage 9); everybody else is handed over to cTrader on the success URL
 * with a new OT token (§6.2 stages 5-6), unless the login was asked for by a client-area page.
 */
@RequestScoped
public class SignInCompletion {

  @Inject SignedInTrader signedIn;
  @Inject HttpServletRequest request;
  @Inject Onboarding onboarding;
  @Inject PartnerAttribution partners;
  @Inject RibbonPublisher ribbons;
  @Inject HandOver handOver;
  @Inject ScreenResponse response;

  public void signedIn(User user, boolean keepLoggedIn) {
    newSessionId(); // a session id fixed before login is worth nothing after it
    signedIn.signIn(user.id(), user.credentialEpoch(), keepLoggedIn);
    if (onboarding.accountsOf(user.id()).stream().noneMatch(a -> a.isLinked())) {
      response.next("/account/create");
      return;
    }
    partners.applyPending(user.id()); // a referral a passing outage deferred (§6.8)
    ribbons.publishIfPending(user.id()); // ribbons a passing outage deferred (§5.7)
    var returnTo = signedIn.takeReturnTo();
    if (returnTo.isPresent()) {
      response.next(returnTo.get());
    } else {
      handOver(user.id());
    }
  }

  /**
   * Signs the trader in for the client area of an ordinary browser (a reset link opens outside
   * cTrader), showing the confirmation {@code messageKey} there.
   */
  public void signedInToClientArea(User user, String messageKey) {
    newSessionId();
    signedIn.signIn(user.id(), user.credentialEpoch(), false);
    response.next("/client/accounts", Map.of("done", messageKey));
  }

  /**
   * A session id fixed before login is worth nothing after it. An anonymous visitor has no session
   * yet (docs/screens.md): the login creates the first one, with an id nobody knew.
   */
  private void newSessionId() {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
  }

  /** Redirects to the success URL with a new OT token for the signed-in trader. */
  public void handOver(long userId) {
    response.redirect(handOver.successUrlFor(userId, signedIn.keepLoggedIn()));
  }
}
