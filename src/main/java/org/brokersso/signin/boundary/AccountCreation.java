package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.brokersso.account.control.AccountOffer;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.control.OnboardingInDoubt;
import org.brokersso.account.control.Welcome;
import org.brokersso.account.entity.Applicant;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.inapp.boundary.InAppSession;
import org.brokersso.ribbon.control.RibbonPublisher;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.boundary.SignedInTrader;
import org.brokersso.user.control.PartnerAttribution;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * The account-creation screen at {@code /account/create} (§6.1 stages 9-13, §6.7): the broker's
 * choices of currency, leverage and account type; the onboarding saga opens and links the account;
 * the trader is handed over to cTrader, or, when cTrader opened the screen with an InApp token
 * (6.3.6, see InAppGate), sees the InApp success page. A failure of cTrader keeps the request, and
 * pressing the button again resumes it instead of opening a second account.
 */
@Named
@RequestScoped
public class AccountCreation {

  private static final Logger LOG = Logger.getLogger(AccountCreation.class.getName());

  @Inject AccountOffer offer;
  @Inject Onboarding onboarding;
  @Inject PartnerAttribution partners;
  @Inject Welcome welcome;
  @Inject RibbonPublisher ribbons;
  @Inject Users users;
  @Inject SignedInTrader signedIn;
  @Inject SignInCompletion completion;
  @Inject ScreenResponse response;
  @Inject InAppSession inApp;
  @Inject HttpServletRequest request;

  private String currency;
  private Integer leverage;
  private String type;
  private boolean acceptTerms;

  public boolean isSignedIn() {
    // without a session nobody is signed in; asking the session bean would create one
    return request.getSession(false) != null && signedIn.userId().isPresent();
  }

  public void create() {
    if (signedIn.userId().isEmpty()) {
      response.error("signed-out");
      return;
    }
    long userId = signedIn.userId().get();
    var terms = offer.terms(currency, leverage, type);
    if (terms.isEmpty() || !acceptTerms) {
      response.error(terms.isEmpty() ? "opening.choice" : "signup.terms");
      return;
    }
    try {
      long requestId =
          signedIn
              .pendingAccount()
              .orElseGet(
                  () -> {
                    User user = users.byId(userId).orElseThrow();
                    Applicant applicant =
                        new Applicant(user.firstName(), user.preferredLanguage(), true);
                    long id = onboarding.request(userId, applicant, terms.get()).id();
                    signedIn.pendingAccount(id);
                    return id;
                  });
      TraderAccount account = onboarding.complete(requestId);
      signedIn.pendingAccount(null);
      LOG.fine(
          () -> "Account " + account.traderLogin() + " opened on the screen for user " + userId);
    } catch (CtraderFailure failure) {
      response.error("opening.ctrader-failed");
      return;
    } catch (OnboardingInDoubt inDoubt) {
      response.error("opening.in-doubt", String.valueOf(inDoubt.accountId()));
      return;
    }
    partners.applyPending(userId);
    ribbons.publishTo(userId); // a failure leaves it pending for the next login (§5.7)
    welcome.afterFirstAccount(userId);
    if (inApp.isOpen()) {
      // opened from cTrader (6.3.6): the trader is logged in there already; the app switches to the
      // new account
      response.next("/inapp/done", Map.of("what", "account"));
    } else {
      completion.handOver(userId);
    }
  }

  public List<String> getCurrencies() {
    return offer.currencies();
  }

  public List<Integer> getLeverages() {
    return offer.leverages();
  }

  public List<AccountType> getTypes() {
    return offer.types();
  }

  public String getCurrency() {
    return currency != null ? currency : offer.currencies().get(0);
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public Integer getLeverage() {
    return leverage != null ? leverage : offer.leverages().get(0);
  }

  public void setLeverage(Integer leverage) {
    this.leverage = leverage;
  }

  public String getType() {
    return type != null ? type : offer.types().get(0).name();
  }

  public void setType(String type) {
    this.type = type;
  }

  public boolean isAcceptTerms() {
    return acceptTerms;
  }

  public void setAcceptTerms(boolean acceptTerms) {
    this.acceptTerms = acceptTerms;
  }
}
