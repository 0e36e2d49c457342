package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.brokersso.account.control.AccountOffer;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.control.OnboardingInDoubt;
import org.brokersso.account.control.OnboardingPostponed;
import org.brokersso.account.control.Welcome;
import org.brokersso.account.entity.Applicant;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.inapp.boundary.InAppGrant;
import org.brokersso.inapp.boundary.InAppGrants;
import org.brokersso.ribbon.control.RibbonPublisher;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.boundary.CurrentTrader;
import org.brokersso.user.boundary.SignedInTrader;
import org.brokersso.user.control.PartnerAttribution;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * The account-creation screen at {@code /account/create} (§6.1 stages 9-13, §6.7): the broker's
 * choices of currency, leverage and account type; the onboarding saga opens and links the account;
 * the trader is handed over to cTrader, or, when cTrader opened the screen with an InApp token
 * (6.3.6, see InAppGate), sees the InApp success page: then the trader is the one of the InApp
 * grant for this screen, whoever the browser is signed in as. A failure of cTrader keeps the
 * request, and pressing the button again resumes it instead of opening a second account. cTrader's
 * rate limit is answered at once: the opening goes on in the background, and the button picks it
 * up.
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
  @Inject CurrentTrader current;
  @Inject InAppGrants inApp;
  @Inject Clock clock;
  @Inject HttpServletRequest request;

  private String currency;
  private Integer leverage;
  private String type;
  private boolean acceptTerms;

  public boolean isSignedIn() {
    // without a session nobody is signed in; asking the session beans would create one
    return request.getSession(false) != null
        && (grant().isPresent() || current.userId().isPresent());
  }

  /** The InApp grant this screen was opened with, if cTrader opened it (6.3.6). */
  private Optional<InAppGrant> grant() {
    return inApp.live("/account/create", clock.instant());
  }

  public void create() {
    Optional<InAppGrant> grant = grant();
    Optional<Long> trader = grant.map(InAppGrant::userId).or(current::userId);
    if (trader.isEmpty()) {
      response.error("signed-out");
      return;
    }
    long userId = trader.get();
    // the pending request is kept where the trader came from: the InApp grant or the sign-in
    Optional<Long> pending =
        grant.isPresent() ? grant.get().pendingAccount() : signedIn.pendingAccount();
    Consumer<Long> keepPending =
        grant.isPresent() ? grant.get()::pendingAccount : signedIn::pendingAccount;
    var terms = offer.terms(currency, leverage, type);
    if (terms.isEmpty()) {
      response.error("opening.choice");
      return;
    }
    if (!acceptTerms) {
      response.invalid("terms", "signup.terms");
      return;
    }
    try {
      long requestId =
          pending.orElseGet(
              () -> {
                User user = users.byId(userId).orElseThrow();
                Applicant applicant =
                    new Applicant(user.firstName(), user.preferredLanguage(), true);
                long id = onboarding.request(userId, applicant, terms.get()).id();
                keepPending.accept(id);
                return id;
              });
      TraderAccount account = onboarding.complete(requestId);
      keepPending.accept(null);
      LOG.fine(
          () -> "Account " + account.traderLogin() + " opened on the screen for user " + userId);
    } catch (OnboardingPostponed postponed) {
      // cTrader's rate limit: answered now, the opening is resumed in the background
      response.info("opening.postponed");
      return;
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
    if (grant.isPresent()) {
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
    return leverage != null ? leverage : offer.preselectedLeverage();
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
